import type { LocalizedText } from "../domain/localizedText.js";
import type { AppErrorKind } from "./appError.js";

/** One kind of problem the API answers with: its page under /problems/, and what it means. */
export interface ProblemType {
  slug: string;
  status: number;
  title: { zh: string; en: string };
  explanation: Required<LocalizedText>;
}

/**
 * Every problem type aigov answers with. The type URIs are relative (`/problems/invalid-request`):
 * aigov serves a page for each, so the URI always resolves on the server that answered, whatever
 * domain it runs under (RFC 9457, section 3.1.1: a relative type is resolved against the request).
 */
export const PROBLEM_TYPES: readonly ProblemType[] = [
  {
    slug: "invalid-request",
    status: 400,
    title: { en: "Invalid request", zh: "请求有误" },
    explanation: {
      en: "A query parameter or the request body does not say what the endpoint expects. The answer's `detail` says what was expected, and `errors` lists each parameter (or, for POST /api/check, each profile field) with its message. Change the request as it says; nothing was changed on the server.",
      zh: "查询参数或请求体不符合该接口的要求。回答中的 `detail` 说明应当如何书写，`errors` 逐项列出出错的参数（对 POST /api/check 而言是画像字段）及原因。请按提示修改请求；服务器上没有任何改动。",
    },
  },
  {
    slug: "unauthenticated",
    status: 401,
    title: { en: "Sign-in required", zh: "需要登录" },
    explanation: {
      en: "Reading is open to everyone; changing anything is not. Send an API token as `Authorization: Bearer TOKEN` (an administrator creates one with `aigov tokens create EMAIL`), or sign in on the web at /sign-in. A revoked token or a disabled account is refused like a missing one.",
      zh: "任何人都可以阅读；修改则需要身份。请以 `Authorization: Bearer TOKEN` 发送 API 令牌（由管理员用 `aigov tokens create EMAIL` 创建），或在网页 /sign-in 登录。已撤销的令牌或已停用的账户与未提供身份同样被拒绝。",
    },
  },
  {
    slug: "forbidden",
    status: 403,
    title: { en: "Not allowed", zh: "无权操作" },
    explanation: {
      en: "You are signed in, but your role does not allow this: contributors propose, editors publish or reject the proposals of others (never their own), administrators manage accounts, tokens and the audit log.",
      zh: "您已登录，但您的角色不允许此操作：贡献者提出修改建议，编辑发布或驳回他人（而非自己）的建议，管理员管理账户、令牌和审计日志。",
    },
  },
  {
    slug: "not-found",
    status: 404,
    title: { en: "Not found", zh: "未找到" },
    explanation: {
      en: "Nothing is at this address: an event id, a jurisdiction code or an instrument id that the database does not hold, or a path the API does not have. The API reference at /api/docs lists every path.",
      zh: "此地址下没有内容：数据库中没有该事件编号、辖区代码或法律文件编号，或接口没有这个路径。所有路径见 /api/docs。",
    },
  },
  {
    slug: "method-not-allowed",
    status: 405,
    title: { en: "Method not allowed", zh: "不支持的请求方法" },
    explanation: {
      en: "This address does not take that method. Reads are GET (and HEAD); POST is taken by /api/check (which writes nothing) and by the proposal endpoints, with a token. /api/docs lists each path with its methods.",
      zh: "此地址不接受该请求方法。读取使用 GET（及 HEAD）；POST 只用于 /api/check（不写入任何数据）和修改建议相关接口（需令牌）。各路径及其方法见 /api/docs。",
    },
  },
  {
    slug: "not-acceptable",
    status: 406,
    title: { en: "Not acceptable", zh: "无法提供所要求的格式" },
    explanation: {
      en: "The request asked for a format this address cannot give. Each export has its own address (events.csv, feed.atom, calendar.ics, sources.csl.json).",
      zh: "请求要求的格式此地址无法提供。每种导出格式有各自的地址（events.csv、feed.atom、calendar.ics、sources.csl.json）。",
    },
  },
  {
    slug: "conflict",
    status: 409,
    title: { en: "Conflict", zh: "冲突" },
    explanation: {
      en: "The data changed under the request: the proposal was made against a revision that is no longer the current one (someone else's change was published since), or it was already published or rejected. The answer's `currentRevision` and `changes` say what is there now; propose again against it. Nothing was changed.",
      zh: "请求所依据的数据已经改变：建议所基于的修订版已不是当前版本（此后他人的修改已发布），或该建议已被发布或驳回。回答中的 `currentRevision` 和 `changes` 说明现状；请基于当前版本重新提出。没有任何改动。",
    },
  },
  {
    slug: "too-many-requests",
    status: 429,
    title: { en: "Too many requests", zh: "请求过多" },
    explanation: {
      en: "Too many tries too fast: this client already has as many exports streaming as one client may (two unless the operator set AIGOV_MAX_EXPORTS_PER_CLIENT), or too many failed sign-ins or suggestions came from this account or address. Wait the seconds the Retry-After header gives, and ask again.",
      zh: "尝试过于频繁：此客户端同时进行的导出已达单个客户端的上限（默认两个，服务器管理员可用 AIGOV_MAX_EXPORTS_PER_CLIENT 调整），或此账户或地址的登录失败或纠错建议过多。请等待 Retry-After 头给出的秒数后再试。",
    },
  },
  {
    slug: "server-error",
    status: 500,
    title: { en: "Server error", zh: "服务器错误" },
    explanation: {
      en: "The server failed to answer a request it should have answered. The error is written to the server's log; the request itself was not at fault. Please report it with the time and the address you asked for.",
      zh: "服务器未能回答一个本应能回答的请求。错误已写入服务器日志，问题不在请求本身。请连同时间和所请求的地址一起报告。",
    },
  },
  {
    slug: "unavailable",
    status: 503,
    title: { en: "Unavailable", zh: "暂不可用" },
    explanation: {
      en: "Something the answer needs is missing on the server, such as Chromium for PDF and DOCX reports, or the server is busy: it is streaming as many exports at once as it may (AIGOV_MAX_EXPORTS). Other formats (Markdown, HTML) still work; the server's operator can install what is missing; a busy server says in Retry-After when to ask again.",
      zh: "服务器缺少生成回答所需的组件，例如生成 PDF 和 DOCX 报告所需的 Chromium；或者服务器繁忙：同时进行的导出已达上限（AIGOV_MAX_EXPORTS）。其他格式（Markdown、HTML）仍可使用；服务器管理员可以安装所缺组件；服务器繁忙时，Retry-After 头给出可以重试的时间。",
    },
  },
];

/** The problem type of an HTTP status (a status without its own type counts as a server error). */
export function problemTypeOf(status: number): ProblemType {
  return (
    PROBLEM_TYPES.find((type) => type.status === status) ??
    (PROBLEM_TYPES.find((type) => type.slug === "server-error") as ProblemType)
  );
}

/** The problem type of a use case's error kind (every kind has one: the kinds are slugs of this list). */
export function problemTypeSlug(kind: AppErrorKind): ProblemType {
  return PROBLEM_TYPES.find((type) => type.slug === kind) as ProblemType;
}
