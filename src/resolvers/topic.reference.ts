import { Topic } from "../entities/topic.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `Topic` entity representations from other subgraphs by global id or `slug`, batched per request. */
export const resolveTopicReference = recordReferenceResolver("Topic", Topic, ["slug"]);
