// Every resource /api/v1 serves, in the order the OpenAPI document lists them.
import type { ApiResource } from "./openapi";
import { SEGMENTS_RESOURCE } from "./segments-spec";
import { SUBSCRIBERS_RESOURCE } from "./subscribers-spec";
import { CAMPAIGNS_RESOURCE } from "./campaigns-spec";

export const API_RESOURCES: ApiResource[] = [SUBSCRIBERS_RESOURCE, SEGMENTS_RESOURCE, CAMPAIGNS_RESOURCE];
