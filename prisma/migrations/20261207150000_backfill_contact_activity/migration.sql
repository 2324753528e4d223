-- What segments filter on, from the history already stored (new events keep it current).
UPDATE "Contact" SET
  "ordersCount" = (SELECT COUNT(*) FROM "Order" o WHERE o."contactId" = "Contact"."id"),
  "totalSpent" = COALESCE((SELECT SUM(o."totalPrice") FROM "Order" o WHERE o."contactId" = "Contact"."id"), 0),
  "firstOrderAt" = (SELECT MIN(o."placedAt") FROM "Order" o WHERE o."contactId" = "Contact"."id"),
  "lastOrderAt" = (SELECT MAX(o."placedAt") FROM "Order" o WHERE o."contactId" = "Contact"."id"),
  "lastRepliedAt" = (SELECT MAX(m."occurredAt") FROM "Message" m WHERE m."contactId" = "Contact"."id" AND m."direction" = 'inbound'),
  "lastClickedAt" = (SELECT MAX(l."lastClickedAt") FROM "Link" l JOIN "Message" m ON m."id" = l."messageId" WHERE m."contactId" = "Contact"."id"),
  "lastAbandonedAt" = (SELECT MAX(c."abandonedAt") FROM "Checkout" c WHERE c."contactId" = "Contact"."id");
