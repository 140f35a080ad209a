import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Topic } from "../entities/topic.entity";
import { DeleteRecordPayload } from "../schema/delete-result";
import { CreateTopicInput, UpdateTopicInput } from "../schema/topic.input";
import { deleteRecord } from "../writes/delete-record";
import { createTopic, updateTopic } from "../writes/topic";
import { writeAs } from "../writes/write-context";

/** createTopic, updateTopic, deleteTopic: each one transaction, each recorded in the change history. */
@Resolver()
export class TopicMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Topic, { description: "Creates a Topic; BAD_USER_INPUT lists every problem of the input with its path." })
  createTopic(
    @Arg("input", () => CreateTopicInput, { validate: false, description: "The new Topic." }) input: CreateTopicInput,
    @Ctx() context: RequestContext,
  ): Promise<Topic> {
    return writeAs(context, (write) => createTopic(write, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Topic, {
    description:
      "Changes a Topic; CONFLICT (with `extensions.currentVersion`) when `expectedVersion` is stale, and nothing is written.",
  })
  updateTopic(
    @Arg("slug", () => String, { description: "Which Topic: the topic's slug." }) slug: string,
    @Arg("input", () => UpdateTopicInput, { validate: false, description: "The changes; fields left out keep their values." })
    input: UpdateTopicInput,
    @Arg("expectedVersion", () => Int, { description: "The `version` the change was based on." }) expectedVersion: number,
    @Ctx() context: RequestContext,
  ): Promise<Topic> {
    return writeAs(context, (write) => updateTopic(write, slug, input, expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteRecordPayload, {
    description:
      "Deletes a Topic. Refused with CONFLICT while meetings, outcomes or child topics refer to it, unless `cascade` (they are untagged; children become roots).",
  })
  deleteTopic(
    @Arg("slug", () => String, { description: "Which Topic: the topic's slug." }) slug: string,
    @Arg("cascade", () => Boolean, { defaultValue: false, description: "Also delete or detach the records that depend on it." })
    cascade: boolean,
    @Arg("expectedVersion", () => Int, {
      nullable: true,
      description: "When given, CONFLICT unless the Topic is still at this version.",
    })
    expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<DeleteRecordPayload> {
    return writeAs(context, (write) => deleteRecord(write, "Topic", slug, { cascade, expectedVersion }));
  }
}
