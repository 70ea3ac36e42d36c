import { problemTypeOf } from "./problemTypes.js";

/**
 * Errors as RFC 9457 problem documents: one shape for every error the API answers, with the offending
 * parameters listed under `errors`.
 */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { parameter: string; message: string }[];
}

/** An error that the HTTP layer answers with a problem document of its status. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly errors?: { parameter: string; message: string }[],
  ) {
    super(detail);
    this.name = "HttpProblem";
  }

  toDocument(instance?: string): ProblemDocument {
    const type = problemTypeOf(this.status);
    return {
      type: `/problems/${type.slug}`,
      title: type.title.en,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}
