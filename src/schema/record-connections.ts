import { Meeting } from "../entities/meeting.entity";
import { RecordConnection } from "./connection";

/** The one connection type several resolvers share (a state's, coalition's, official's meetings); the others sit in their resolver. */
export const MeetingConnection = RecordConnection(Meeting, "Meeting", "meetings");
