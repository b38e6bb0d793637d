/** The functions the engine knows: arity and whether they aggregate (usable only in `stats`). */
export interface FunctionSpec {
  name: string;
  min: number;
  max: number;
  aggregate: boolean;
}

const spec = (name: string, min: number, max = min, aggregate = false): FunctionSpec => ({
  name,
  min,
  max,
  aggregate,
});
const MANY = Number.POSITIVE_INFINITY;

const ALL: FunctionSpec[] = [
  // numeric
  spec("abs", 1),
  spec("ceil", 1),
  spec("floor", 1),
  spec("greatest", 1, MANY),
  spec("least", 1, MANY),
  spec("log", 1),
  spec("sqrt", 1),
  // general
  spec("ispresent", 1),
  spec("coalesce", 1, MANY),
  // string
  spec("isempty", 1),
  spec("isblank", 1),
  spec("concat", 1, MANY),
  spec("ltrim", 1, 2),
  spec("rtrim", 1, 2),
  spec("trim", 1, 2),
  spec("strlen", 1),
  spec("toupper", 1),
  spec("tolower", 1),
  spec("substr", 2, 3),
  spec("replace", 3),
  spec("strcontains", 2),
  // date/time
  spec("bin", 1),
  spec("datefloor", 2),
  spec("dateceil", 2),
  spec("fromMillis", 1),
  spec("toMillis", 1),
  // IP addresses
  spec("isValidIp", 1),
  spec("isValidIpV4", 1),
  spec("isValidIpV6", 1),
  spec("isIpInSubnet", 2),
  spec("isIpv4InSubnet", 2),
  spec("isIpv6InSubnet", 2),
  // stats
  spec("count", 0, 1, true),
  spec("count_distinct", 1, 1, true),
  spec("sum", 1, 1, true),
  spec("avg", 1, 1, true),
  spec("min", 1, 1, true),
  spec("max", 1, 1, true),
  spec("pct", 2, 2, true),
  spec("stddev", 1, 1, true),
  spec("earliest", 1, 1, true),
  spec("latest", 1, 1, true),
  spec("sortsFirst", 1, 1, true),
  spec("sortsLast", 1, 1, true),
];

const BY_LOWER = new Map(ALL.map((fn) => [fn.name.toLowerCase(), fn]));

/**
 * Looks a function up without regard to case: AWS documents one spelling per function
 * (`isIpv4InSubnet`), and a query that differs only in case is accepted rather than refused.
 */
export const lookupFunction = (name: string): FunctionSpec | undefined => BY_LOWER.get(name.toLowerCase());
