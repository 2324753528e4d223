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
wheres my refund
when do i get my money back
when will i be refunded
how long does a refund take
how long for the refund to show up
status of my refund
any update on my refund
i still havent gotten my refund
still no refund
still waiting for my refund
i returned it two weeks ago and no refund yet
you got my return but i didnt get my money back
my return was delivered, where's the refund
refund for order #4471?
refund on #2291 please
refund for 5520 still not here
can i get a full refund
i just want my money back
give me a refund
i want a refund not an exchange
refund pls
do you give refunds
do you do refunds
refund policy?
what is your refund policy
whats ur refund policy
do you refund shipping
will i get shipping back
will the refund go back to my card
will the refund go to paypal
can i get store credit instead of a refund
is it a refund or store credit
do you refund sale items
partial refund?
i only got a partial refund
my refund is missing money
why did you take a fee out of my refund
refund amount is wrong
i was charged twice, can i get a refund for one
i got charged twice please refund
double charged refund
i cancelled but wasnt refunded
i canceled my order, when is the refund
cancelled order refund?
you said you refunded me but i dont see it
the refund isnt on my card
my bank doesnt show the refund
refund not showing
when does the refund hit my account
how long until the money is back on my card
can you check if my refund went through
did you process my refund
has my refund been issued
is my refund done
refnd please
refund staus
were is my refund
refunf?
refun please
i want a refud
💸 refund?
refund 🙏
still no refund 😤 order #3307
money back?
$ back?
ok so i sent back the jeans like 3 weeks ago, tracking says you got them, but i still don't see the money on my card. can you check?
hi i returned two things from order 4410 and only one was refunded, what happened to the other one
quiero mi dinero de vuelta
cuando recibo mi reembolso
donde esta mi reembolso
todavia no me llega el reembolso
ya procesaron mi reembolso?
me devuelven el envio?
el reembolso va a mi tarjeta?
hacen reembolsos?
politica de reembolso?
me cobraron dos veces, quiero el reembolso
cancele el pedido y no me han devuelto el dinero
reembolso del pedido 4471
hola, devolvi la camisa hace dos semanas y no veo el reembolso
me pueden reembolsar
quiero que me regresen mi dinero
el reembolso esta incompleto
reembolso por favor
je voudrais un remboursement
où est mon remboursement
je n'ai toujours pas reçu mon remboursement
le remboursement prend combien de temps
vous remboursez les frais de port ?
remboursement sur ma carte ?
je veux récupérer mon argent
rendez-moi mon argent svp
j'ai été débité deux fois, remboursement svp
remboursement de la commande 1043
bonjour, j'ai renvoyé l'article il y a 10 jours, toujours pas de remboursement
vous faites des remboursements ?
politique de remboursement ?
le remboursement n'est pas complet
j'ai annulé ma commande, quand suis-je remboursé
remboursement svp
mon remboursement a été traité ?
how do i get a refund
how do i request a refund
can i request a refund for my order
is a refund possible
am i eligible for a refund
i'd like my money back for the hoodie
can you refund me
please refund me
refund me please
refund my order
refund order #6610
can you refund the shipping too
can you refund the difference
the item went on sale right after i bought it, can i get the difference back
price dropped after i ordered, refund the difference?
do i get refunded if my package is lost
will i get refunded for the damaged item
do you refund if it doesnt fit
can i get refunded instead of exchanging
full refund or partial?
how much will i get back
how much of a refund will i get
do you keep any fees from refunds
refund to a different card?
my card was closed, how do i get my refund
refund to store credit please
how long after you receive my return do i get refunded
when will the refund be processed
how soon do you process refunds
it's been 10 days, where's my money
its been over a week and no money back
the refund is taking forever
refund still pending
refund says pending on my bank
i see a pending refund, when does it clear
i was told i'd get a refund, when?
support said refund was issued, not here yet
refund 4 order 3308?
my money back pls
reembolso?
me van a reembolsar el envio?
en cuanto tiempo se refleja el reembolso
cuando me regresan el dinero de la devolucion
puedo pedir reembolso en vez de cambio
quand est-ce que je récupère mon argent
le remboursement apparaît quand sur mon compte
je préfère un remboursement qu'un échange
i returned it, when do i get my money back
sent it back last week, still no credit
devolví el pedido, cuándo me devuelven el dinero
j'ai renvoyé le colis, quand serai-je remboursé
i sent the return back 10 days ago, when will the refund hit my account
returned the dress last monday, how long till i see the money
i mailed my return, when do i get credited
already shipped the return, when's my refund coming
i dropped off the return at ups, how soon is the refund
you should have my return by now, where's my money
returned my order #4410, still waiting on the money
i sent everything back, when do i get paid back
return shows delivered to you, no credit on my card yet
sent back the shoes, when does the money come back
i returned the item, how many days for the refund
my return got to you 3 days ago, when will i be refunded
returned it over 2 weeks ago and nothing back on my card
gave the package back to the post office, when is my refund processed
i shipped it back already, is the refund on its way
i returned both items, will i get the full amount back
returned it with the prepaid label, when do i see the credit
my return arrived at your warehouse, how long for the refund
sent it back, still no refund??
returned it last week where is my money 😩
i did the return, when do i get reimbursed
did you get my return? waiting on the refund
return was received, refund status?
i returned the jacket, has the refund been issued
sent the package back to you on friday, when will i get credited
i sent back the wrong size, i want the money not an exchange, when will it come
ya devolví el paquete, cuándo llega el reembolso
mandé la devolución la semana pasada y no me han devuelto el dinero
devolví los zapatos, cuánto tarda el reembolso
ya recibieron mi devolución? cuándo me reembolsan
envié el producto de vuelta hace 10 días y sigo sin mi dinero
regresé el pedido, cuando me depositan
devolvi la orden y todavia no veo el dinero en mi tarjeta
j'ai retourné l'article, quand est-ce que je serai remboursée
j'ai renvoyé ma commande la semaine dernière, toujours pas d'argent
vous avez reçu mon retour? quand vais-je être remboursé
colis renvoyé il y a 8 jours, pas encore de remboursement
j'ai rendu le pull, le remboursement arrive quand
retour envoyé, quand je récupère mon argent
j'ai renvoyé les chaussures, combien de temps pour le remboursement
`;
