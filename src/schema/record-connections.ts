import { ObjectType } from "type-graphql";
import { Coalition } from "../entities/coalition.entity";
import { Meeting } from "../entities/meeting.entity";
import { Official } from "../entities/official.entity";
import { Outcome } from "../entities/outcome.entity";
import { Source } from "../entities/source.entity";
import { State } from "../entities/state.entity";
import { Topic } from "../entities/topic.entity";
import { Connection } from "./connection";

const SHARED = { simpleResolvers: true } as const;

@ObjectType("MeetingConnection", { ...SHARED, description: "A page of meetings (Relay connection)." })
export class MeetingConnection extends Connection(Meeting, "Meeting") {}

@ObjectType("CoalitionConnection", { ...SHARED, description: "A page of coalitions (Relay connection)." })
export class CoalitionConnection extends Connection(Coalition, "Coalition") {}

@ObjectType("StateConnection", { ...SHARED, description: "A page of states (Relay connection)." })
export class StateConnection extends Connection(State, "State") {}

@ObjectType("OfficialConnection", { ...SHARED, description: "A page of officials (Relay connection)." })
export class OfficialConnection extends Connection(Official, "Official") {}

@ObjectType("TopicConnection", { ...SHARED, description: "A page of topics (Relay connection)." })
export class TopicConnection extends Connection(Topic, "Topic") {}

@ObjectType("OutcomeConnection", { ...SHARED, description: "A page of outcomes (Relay connection)." })
export class OutcomeConnection extends Connection(Outcome, "Outcome") {}

@ObjectType("SourceConnection", { ...SHARED, description: "A page of sources (Relay connection)." })
export class SourceConnection extends Connection(Source, "Source") {}
