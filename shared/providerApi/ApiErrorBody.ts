/** The one error body of the provider API: `{ error: { code, message, param? } }`. */
export type ApiErrorBody = {
  error: {
    /** Stable and machine readable (`unauthorized`, `rates_unavailable`…). */
    code: string;
    message: string;
    /** The request field at fault, when there is one. */
    param?: string;
  };
};
