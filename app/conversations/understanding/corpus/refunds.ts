// Money back: when a refund arrives, where it goes, how long it takes.
import { phrasings } from "./phrasings";

export default phrasings`
when will i get my refund
where is my refund
how long do refunds take
how long until i get my money back
i returned my order when do i get refunded
have you processed my refund
has my refund been processed
did you refund me yet
i still haven't received my refund
refund status?
can i check on my refund
my refund isnt showing on my card
when will the refund show up on my account
how many days for a refund
do you refund to the original payment
will i get refunded to paypal
do i get a refund or store credit
do you give refunds or just store credit
can i get a refund instead of store credit
can i get my money back
i want my money back
i want a refund
i'd like a refund please
can i get a refund
refund please
refund?
do you offer refunds
is shipping refunded
do you refund shipping costs
will i get the shipping fee back
is the refund full or partial
why was my refund less than i paid
refund for order 1043
refund on #2287?
where is my refund for order #6640
my return was delivered last week, refund?
you got my return, so when is the refund
how long after you receive the return do i get the refund
how long does it take for the money to come back
when does the money go back on my card
refnd status
wheres my refnud
wen do i get my refund
refunded yet? 💸
💰 back when?
can i get refunded for the item i returned
is my refund on its way
how long do refunds take to process
do you refund gift cards
can i get a refund on a sale item
refund to store credit possible?
can the refund go to a different card
how will i be refunded
what form will my refund take
cuando me devuelven el dinero
cuándo recibo mi reembolso
ya procesaron mi reembolso
quiero un reembolso
cuanto tarda el reembolso
quand vais-je être remboursé
où en est mon remboursement
je veux être remboursé
combien de temps pour le remboursement
le remboursement est sur quelle carte
`;
