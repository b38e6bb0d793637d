import Link from "next/link";
import { Notice } from "@/components/ui/notice";

/** A URL the page will not query: names the parameter, shows what it held, and offers a clean start. */
export function BadParam({
  field,
  value,
  message,
  fix = { href: "/traffic", label: "Open Traffic with default settings" },
}: {
  field: string;
  value?: string;
  message: string;
  /** The way out; by default the page with nothing in its URL. */
  fix?: { href: string; label: string };
}) {
  return (
    <div data-testid="bad-param" data-field={field}>
      <Notice tone="error" title={`The URL parameter "${field}" is not valid`}>
        <p>
          {message.replace(/\.$/, "")}
          {value !== undefined && (
            <>
              {" "}
              (got <code className="font-mono">{value}</code>)
            </>
          )}
          . Nothing was queried.
        </p>
        <p className="mt-2">
          <Link href={fix.href} className="font-medium underline underline-offset-2">
            {fix.label}
          </Link>
        </p>
      </Notice>
    </div>
  );
}
