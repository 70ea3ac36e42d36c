import type { Language } from "../domain/localizedText.js";
import type { ChangeType, Digest } from "../domain/subscription.js";

/** The words of subscription e-mails, in each language (a missing one is a type error). */
export interface DigestPhrases {
  /** The mail's HTML language tag. */
  htmlLang: string;
  /** The subject of a digest: its number of changes and the subscription's name. */
  subject: (count: number, name: string) => string;
  /** The line above the changes. */
  intro: (digest: Digest) => string;
  change: Record<ChangeType, string>;
  revision: string;
  /** What a subscription without a name is called. */
  unnamed: string;
  unsubscribe: string;
  /** Why the reader receives this mail. */
  why: (name: string) => string;
  pausedSubject: (name: string) => string;
  pausedBody: (name: string, reason: string) => string;
  manage: string;
}

export const DIGEST_PHRASES: Record<Language, DigestPhrases> = {
  zh: {
    htmlLang: "zh-Hans",
    subject: (count, name) => `aigov：「${name}」有 ${count} 项更新`,
    intro: (digest) =>
      ({ immediate: "您订阅的内容有以下更新：", daily: "过去一天内的更新：", weekly: "过去一周内的更新：" })[
        digest
      ],
    change: {
      "event.published": "新发布",
      "event.changed": "已修改",
      "event.removed": "已撤下",
      "instrument.changed": "法律文件日期或状态变化",
      "correction.published": "新增更正",
      "correction.changed": "更正已修改",
    },
    revision: "修订版本",
    unnamed: "我的订阅",
    unsubscribe: "退订",
    why: (name) => `您收到此邮件，是因为您在 aigov 订阅了「${name}」。`,
    pausedSubject: (name) => `aigov：订阅「${name}」已暂停`,
    pausedBody: (name, reason) =>
      `订阅「${name}」的推送连续一天未能送达，已暂停。最后的错误：${reason}。修复接收端后，可在订阅页面恢复，未送达的更新会重新发送。`,
    manage: "管理订阅",
  },
  en: {
    htmlLang: "en",
    subject: (count, name) => `aigov: ${count} ${count === 1 ? "change" : "changes"} in “${name}”`,
    intro: (digest) =>
      ({
        immediate: "What changed in what you follow:",
        daily: "What changed in the past day:",
        weekly: "What changed in the past week:",
      })[digest],
    change: {
      "event.published": "New",
      "event.changed": "Changed",
      "event.removed": "Removed",
      "instrument.changed": "Instrument's dates or status changed",
      "correction.published": "Correction added",
      "correction.changed": "Correction changed",
    },
    revision: "revision",
    unnamed: "my subscription",
    unsubscribe: "Unsubscribe",
    why: (name) => `You receive this because you subscribed to “${name}” on aigov.`,
    pausedSubject: (name) => `aigov: subscription “${name}” paused`,
    pausedBody: (name, reason) =>
      `Deliveries of “${name}” have failed for a day, so the subscription is paused. The last error: ${reason}. Once the receiver works again, resume it on the subscriptions page; the changes it missed are sent again.`,
    manage: "Manage subscriptions",
  },
};
