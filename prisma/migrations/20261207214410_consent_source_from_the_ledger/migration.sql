-- Contacts with marketing consent take the source of their latest marketing grant, as the
-- replay of the ledger now writes it. Before, only imports set it.
UPDATE "Contact" SET "consentSource" = (
  SELECT e."source" FROM "ConsentEvent" e
  WHERE e."contactId" = "Contact"."id" AND e."scope" = 'marketing' AND e."granted"
  ORDER BY e."occurredAt" DESC LIMIT 1
) WHERE "marketingConsent" AND "consentSource" IS NULL;
