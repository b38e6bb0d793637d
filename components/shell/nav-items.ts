export const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/traffic", label: "Traffic" },
  { href: "/flows", label: "Flows" },
  { href: "/diagnose", label: "Diagnose" },
  { href: "/flow-logs", label: "Flow logs" },
] as const;
