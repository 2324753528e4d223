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
hi where is my order? i ordered 5 days ago
any updates on my package
yo wheres my stuff at
my order hasnt arrived yet
it still hasnt come
still waiting on my order
still waiting on order #3392
i've been waiting two weeks for my order, can you tell me where it is
ordered the black hoodie on the 3rd and still nothing, can you check
hey so i ordered a couple things last tuesday and haven't heard anything since, could you let me know where it's at? thanks
can u check my order status
check order status pls
order #8812
#4471 status
#2290??
1043
order 1043 update?
update on #7719 please
whats happening with #3308
tracking not working
my tracking link doesnt load
the tracking number you sent doesnt work
tracking number isnt showing anything
usps says no info for my tracking number
has #5521 left the warehouse
has my package left yet
did you guys ship it yet
did u ship my order
when are you shipping my order
when will you ship my order, its been 4 days
why hasnt my order shipped
my order says processing for a week
its still processing??
still says preparing for shipment
when is my order going out
is my order out for delivery
is it out for delivery today
expected delivery date for my order?
whats the eta on my order
eta on #6610?
eta?
eta pls
delivery date for order 9901
when should i expect my package
when should my order arrive
when can i expect my stuff
when is it coming
when is it getting here
is it coming today
will it come tomorrow
send tracking
send me the tracking link please
can i have my tracking
i lost the email with my tracking
i never got tracking info
no tracking email yet
where do i see my order status
how can i check where my package is
is there a way to track my package
how do i know when my order ships
will i get a tracking number
do you send tracking numbers
my package is late
my order is late where is it
package running late, any info?
the delivery date passed and nothing
it was supposed to be here yesterday
supposed to arrive monday, still nothing
the estimated delivery was friday where is it
my order is stuck in transit
package hasnt moved in a week
tracking stuck on in transit
stuck at the sorting facility
it says in transit for days
carrier says delayed
ups says exception on my package
fedex tracking says pending
where is my parcel
where's my parcel at
wheres my ordr
wher is my pakage
wheres my oder
whre is my order
status of my oder pls
statuss of order
trackin number plz
trakcing?
my ordr #2201 where
did my order get lost
is my order lost
is my order coming or not
just want to know where my order is
checking on order #4410 placed last week
following up on my order
follow up on order 5523
hello, following up on order #1188 again
can you look up my order
can you look up order 3307 for me
pls check where my package is 🙏
📦 where
where is it 📦📦
👀 my order
order?? 😩
waiting for my package 😭
is my stuff shipped 🤞
i ordered a gift and need to know when it will arrive, order #3312
my son's birthday is saturday and the order isnt here yet
i need to know if my order will be here before my trip on friday
whats the status on the hoodie i ordered
did my shoes ship
have my jeans shipped yet
did the second half of my order ship
only got part of my order where is the rest
split shipment where is the other package
where is the rest of my order
my order came in two boxes, where is the second one
what's taking so long with my order
why is my order taking so long
ordered with express, why isnt it here
is my order confirmed
did my payment go through for my order
i got charged but no confirmation
did you receive my order #7720
confirm my order went through?
did order 5566 go thru
orden 1043 donde esta
donde esta mi paquete?
mi pedido no ha llegado
todavia no llega mi pedido
ya salio mi pedido?
ya mandaron mi paquete
cuando me llega el pedido
cuando llega mi orden #4410
estado de mi pedido por favor
me dan el estado de mi orden
quiero rastrear mi pedido
como rastreo mi paquete
no tengo numero de seguimiento
el numero de rastreo no funciona
mi paquete esta atrasado
hola, hice un pedido la semana pasada y no se nada, me pueden decir donde esta?
pedido 3392 ya fue enviado?
sigo esperando mi pedido
alguna novedad de mi pedido?
où est mon colis
où en est mon colis
ma commande n'est toujours pas arrivée
je n'ai pas reçu ma commande
quand est-ce que je reçois mon colis
mon colis est en retard
est-ce que ma commande a été expédiée
ma commande 1043 est partie ?
le numéro de suivi ne marche pas
pouvez-vous me donner le suivi de ma commande
je voudrais savoir où en est ma commande
bonjour, j'ai commandé il y a une semaine et rien reçu
statut de ma commande svp
des nouvelles de ma commande ?
suivi colis svp
mon colis est bloqué
c'est pour quand ma commande
hey can you tell me when my order will ship? #5590
when does my order ship out
has order 6621 been sent
did order #8830 ship yet
is my order packed yet
have you packed my order
whens it shipping
when's my hoodie shipping
is my order on a truck yet
where's it at
where is it now
where is my order right now
tell me where my package is
can i get a status update
status update pls
any status update on my stuff
need an update on my order asap
update?
updates?
news on my order?
what's the latest on my order
latest on #2291?
i'm waiting on a delivery from you
expecting a package from you, where is it
my package from you hasn't shown up
it hasn't shown up yet
nothing in the mail yet
still havent got it
i still don't have my order
not received my order yet
havent received my package
order not here yet
package not here yet, any news
it's been a week, where is my order
been 10 days, wheres my stuff
ordered 2 weeks ago still not here
whats the hold up on my order
is there a delay on my order
is my order delayed
why is my order delayed
any delay on #4410?
did the tracking update
can you send the tracking again
resend tracking please
what's my tracking number
my tracking number?
tracking #?
usps tracking?
which carrier did you use for my order
what's the shipping carrier for my package
is it coming ups or fedex
where is order number 1043
order number 5520 status
my order number is 3307, where is it
it's order 7781, has it shipped
order #9902 tracking please
#1188 where
wheres #2044
status #6502
mi pedido 5520 ya salio?
donde va mi paquete
cuando llega mi paquete #3307
ya me enviaron la orden?
no me ha llegado nada
où est mon colis 1043
mon colis est parti ?
ma commande arrive quand ?
`;
