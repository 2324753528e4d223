// "Where is my order": the status, tracking or whereabouts of an order the shopper placed.
import { phrasings } from "./phrasings";

export default phrasings`
where is my order
where's my order??
wheres my package
where is #1043
where is order 1043
status of order 1043
status of my order #2291 please
any update on order #5520
whats the status of my order
can i get an update on my order
has my order shipped yet
did my order ship
has it shipped
did my package go out yet
is my order on the way
is my order on its way?
has my stuff been sent out
when will my order arrive i ordered on monday
i ordered last week and nothing yet, where is it
track my order
how do i track my order
can you send me the tracking number
tracking number please
tracking link pls
i need my tracking info
where can i find my tracking number
the tracking hasnt updated in days
my tracking says label created what does that mean
tracking shows no movement
order 4471 still says processing
my order still says unfulfilled
is order #3307 out for delivery
hi! checking on my order #1188
just checking in on my order
any news on my package?
wher is my ordr
were is my packge
hows my order coming along
whens my order coming
when is my package getting here
when does my order get delivered
order status
status?
order update
update on my order plz
can you check on order 9912 for me
did you get my order
did my order go through
i placed an order yesterday has it been processed
has my order been processed yet
was my order confirmed
i never got a confirmation email for my order
i didn't get a shipping confirmation
what carrier is my order shipping with
is my package with usps or ups
can you tell me where my parcel is
📦??
where is my order 📦
my order #1043 🙏 where is it
order #7781 where is it at
whats going on with my order
how long until my order gets here, it's #2044
is #6502 shipped
when will #4410 ship
hey is my order coming today
is my package arriving today
will my order be here by friday
i need my order by saturday will it make it
where's my stuff
donde esta mi pedido
dónde está mi pedido #1043?
cual es el estado de mi pedido
ya enviaron mi orden?
quiero saber donde esta mi paquete
numero de seguimiento por favor
me pueden dar el numero de rastreo
cuando llega mi pedido
où est ma commande
ou en est ma commande 1043
ma commande est-elle expédiée ?
je voudrais suivre mon colis
numéro de suivi svp
quand vais-je recevoir ma commande
`;
