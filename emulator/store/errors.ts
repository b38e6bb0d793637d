/** AWS error codes the CloudWatch Logs service maps store failures to. */
export type StoreErrorCode =
  | "ResourceNotFoundException"
  | "ResourceAlreadyExistsException"
  | "InvalidParameterException";

/** A failure the Logs service reports to the caller with `code` as the AWS error type. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = "StoreError";
    this.code = code;
  }
}

export const groupNotFound = (): StoreError =>
  new StoreError("ResourceNotFoundException", "The specified log group does not exist.");

export const streamNotFound = (): StoreError =>
  new StoreError("ResourceNotFoundException", "The specified log stream does not exist.");

export const badToken = (): StoreError =>
  new StoreError("InvalidParameterException", "The specified nextToken is invalid.");
