import { missingParameter } from "../aws-error";
import { type DescribeContext, type IdRules, idError, requestFilters, selectByIds } from "./describe";
import { checkFilterNames, matchesFilters } from "./filter-match";
import { instanceFilters } from "./filters-instances";
import { pageOf, pageParams } from "./paging";

type Item = Record<string, unknown>;

const instanceIds: IdRules = {
  idMember: "InstanceIds",
  idField: "InstanceId",
  prefix: "i",
  noun: "instance",
  notFoundCode: "InvalidInstanceID.NotFound",
  malformedCode: "InvalidInstanceID.Malformed",
  idSetWithMaxResults: "instancesSet",
};

const prefixListIds: IdRules = {
  idMember: "PrefixListId",
  idField: "PrefixListId",
  prefix: "pl",
  noun: "prefix list",
  notFoundCode: "InvalidPrefixListID.NotFound",
  malformedCode: "InvalidPrefixListId.Malformed",
};

const list = (v: unknown): Item[] => (Array.isArray(v) ? (v as Item[]) : []);

/** DescribeInstances: ids and filters apply per instance; reservations left without instances drop out. */
export function describeInstances(input: Item, ctx: DescribeContext): Item {
  const filters = requestFilters(input, "Filters");
  checkFilterNames(instanceFilters, filters);
  const views = ctx.items.flatMap((reservation) =>
    list(reservation.Instances).map((instance) => ({ ...instance, $reservation: reservation })),
  );
  const wanted = new Set(selectByIds(instanceIds, input, views));
  const reservations = ctx.items.flatMap((reservation) => {
    const instances = views
      .filter(
        (v) => v.$reservation === reservation && wanted.has(v) && matchesFilters(instanceFilters, filters, v),
      )
      .map(({ $reservation: _, ...instance }) => instance);
    return instances.length > 0 ? [{ ...reservation, Instances: instances }] : [];
  });
  const hasIds = Array.isArray(input.InstanceIds) && input.InstanceIds.length > 0;
  const { page, nextToken } = pageOf(reservations, pageParams(input), {
    action: "DescribeInstances",
    range: [5, 1000],
    defaultSize: hasIds ? undefined : ctx.pageSize,
    query: [filters, input.InstanceIds],
  });
  return { Reservations: page, NextToken: nextToken };
}

/** GetManagedPrefixListEntries: the `Entries` a world prefix list carries, paged. */
export function getPrefixListEntries(input: Item, ctx: DescribeContext): Item {
  const id = input.PrefixListId;
  if (typeof id !== "string" || id === "") throw missingParameter("PrefixListId");
  const prefixList = ctx.items.find((pl) => pl.PrefixListId === id);
  if (!prefixList) throw idError(prefixListIds, [id]);
  const { page, nextToken } = pageOf(list(prefixList.Entries), pageParams(input), {
    action: "GetManagedPrefixListEntries",
    range: [1, 100],
    defaultSize: ctx.pageSize,
    query: [id, input.TargetVersion],
  });
  return { Entries: page, NextToken: nextToken };
}
