import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { pickLocalized } from "../entities/localized-text";
import { Topic } from "../entities/topic.entity";
import { listRecords, orderedByKey } from "../queries/list-records";
import { isProjected, type ProjectedObject, projectedValue } from "../queries/projection/projected-object";
import { compileTopicFilter } from "../queries/topic-filter";
import { type ConnectionResult, RecordConnection } from "../schema/connection";
import { ListArgs } from "../schema/list-args";
import { LangArg } from "../schema/localized-args";
import { LocalizedString, localizedStrings } from "../schema/localized-string";
import { CreateTopicInput, UpdateTopicInput } from "../schema/topic.input";
import { TopicFilter } from "../schema/topic-filter.input";
import { RecordResolver } from "./record.resolver";
import { RecordMutations } from "./record-mutations";

const TopicConnection = RecordConnection(Topic, "Topic", "topics");
const TopicListArgs = ListArgs(TopicFilter, "topics");

@Resolver(() => Topic)
export class TopicResolver extends RecordResolver(Topic, "Topic") {
  @Query(() => Topic, { nullable: true, description: "The topic with this slug, or null when there is none." })
  topic(
    @Arg("slug", () => String, { description: "The topic's slug, e.g. `troop-deployment`." }) slug: string,
    @Ctx() context: RequestContext,
  ): Promise<Topic | null> {
    return context.loaders.records.byKey(Topic, "slug").load(slug);
  }

  @Query(() => TopicConnection, { description: "Topics, by slug (Relay connection)." })
  topics(
    @Args(() => TopicListArgs) { filter, ...paging }: InstanceType<typeof TopicListArgs>,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionResult<Topic>> {
    return listRecords(context.dataSource, orderedByKey(Topic, "r", "Topic", "slug"), paging, filter, compileTopicFilter);
  }

  @FieldResolver()
  name(@Root() topic: Topic | ProjectedObject, @LangArg() lang: string | null, @Info() info: GraphQLResolveInfo): string | null {
    return isProjected(topic) ? projectedValue(topic, info) : pickLocalized(topic.name, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The name in every language held." })
  names(@Root() topic: Topic | ProjectedObject, @Info() info: GraphQLResolveInfo): LocalizedString[] {
    if (isProjected(topic)) return projectedValue(topic, info);
    return localizedStrings(topic.name);
  }

  @FieldResolver()
  description(
    @Root() topic: Topic | ProjectedObject,
    @LangArg() lang: string | null,
    @Info() info: GraphQLResolveInfo,
  ): string | null {
    return isProjected(topic) ? projectedValue(topic, info) : pickLocalized(topic.description, lang);
  }

  @FieldResolver(() => Topic, { nullable: true, description: "The broader topic this one belongs to; null for a root topic." })
  parent(
    @Root() topic: Topic | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Topic | null | Promise<Topic | null> {
    if (isProjected(topic)) return projectedValue(topic, info);
    return topic.parentId === null ? Promise.resolve(null) : context.loaders.records.byId(Topic).load(topic.parentId);
  }

  @FieldResolver(() => [Topic], { description: "The narrower topics directly under this one, by slug." })
  children(@Root() topic: Topic, @Ctx() context: RequestContext): Promise<Topic[]> {
    return context.loaders.topicChildren.load(topic.id);
  }

  @FieldResolver(() => [Topic], { description: "Every broader topic above this one, the root first and the parent last." })
  ancestors(@Root() topic: Topic, @Ctx() context: RequestContext): Promise<Topic[]> {
    return context.loaders.topicAncestors.load(topic.id);
  }
}

export const TopicMutationResolver = RecordMutations("Topic", {
  entity: Topic,
  create: CreateTopicInput,
  update: UpdateTopicInput,
  key: { name: "slug", description: "the topic's slug" },
  deleteDescription:
    "Deletes a Topic. Refused with CONFLICT while meetings, outcomes or child topics refer to it, unless `cascade` (they are untagged; children become roots).",
});
