// Every job kind the worker knows, one file each in this folder.
import { createJobRegistry } from "./registry.server";

export const jobRegistry = createJobRegistry([]);
