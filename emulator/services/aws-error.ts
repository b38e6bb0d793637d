/** An error a service answers with: AWS's error code, message and HTTP status. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const missingParameter = (name: string): AwsError =>
  new AwsError("MissingParameter", `The request must contain the parameter ${name}`);

export const invalidParameterValue = (message: string): AwsError =>
  new AwsError("InvalidParameterValue", message);
