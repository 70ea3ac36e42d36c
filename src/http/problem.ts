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

const TITLES: Record<number, string> = {
  400: "Bad request",
  404: "Not found",
  405: "Method not allowed",
  406: "Not acceptable",
  500: "Internal server error",
  503: "Service unavailable",
};

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
    return {
      type: `https://aigov.dev/problems/${this.status}`,
      title: TITLES[this.status] ?? "Error",
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}
