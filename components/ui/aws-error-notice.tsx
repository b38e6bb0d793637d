import { Notice } from "./notice";
import { RetryButton } from "./retry-button";

/** An AWS call that failed while rendering: its code and message as AWS said them, and Retry. */
export function AwsErrorNotice({
  title,
  error,
}: {
  title: string;
  error: { code: string; message: string };
}) {
  return (
    <Notice tone="error" title={title} action={<RetryButton />}>
      <span data-testid="aws-error-code" className="font-mono">
        {error.code}
      </span>
      : {error.message}
    </Notice>
  );
}
