// How long shipping takes in general: processing and delivery times, before or after ordering.
import { phrasings } from "./phrasings";

export default phrasings`
how long does shipping take
how long is shipping
how long will shipping take to texas
how long does delivery usually take
how many days for delivery
how many business days does shipping take
how fast do you ship
how quickly do orders ship
whats your processing time
how long to process an order
when do orders usually ship out
do you ship same day
if i order today when will it arrive
if i order now will i get it by friday
will it get here before christmas
can i get it by next week
how long does standard shipping take
how long is express shipping
is there faster shipping
do you have overnight shipping
do you offer 2 day shipping
whats the delivery time
what are your delivery times
typical delivery time?
estimated delivery time to california
how soon would it ship
how soon can i get it
hw long does shiping take
how log for delivery
shipping time?
delivery time pls
how long till it gets here if i buy today
when would it arrive if i ordered tonight
do you ship on weekends
do orders ship on saturday
will it arrive in time for a birthday on the 12th
i need it by the 20th is that possible
how many days does it take to ship to new york
does it take long to ship
is shipping slow right now
are there shipping delays right now
any delays with shipping because of the holidays
how long for express
is express faster than standard by a lot
when is the cutoff for same day shipping
what time do i need to order by to ship today
how long does it take to get to florida
shipping timeframe?
how many weeks for delivery
rough delivery estimate?
do you ship fast? 🚚
🚚 how long
cuanto tarda el envio
cuántos días tarda en llegar
cuanto tiempo tarda la entrega
en cuanto tiempo llega si compro hoy
hacen envios rapidos?
combien de temps pour la livraison
quel est le délai de livraison
en combien de jours je reçois la commande si je commande aujourd'hui
livraison rapide possible ?
how long does it take you to send out orders
how long b4 it ships
what is the ship time on hoodies
do preorders take longer to ship
how long does shipping take to hawaii
how long to alaska
if i order monday when does it come
how long does it take to ship
how long does it take to get here
how long for shipping
how long will it take to arrive
how long does it take to arrive
how long to get my order after i buy
how many days to ship
how many days until it arrives if i order now
how long does standard take
standard shipping how long
how long is standard delivery
express shipping how many days
how long does express take
how long does priority take
what is your shipping time
shipping times?
delivery times?
whats the usual delivery time
average shipping time?
how long do you take to ship orders
when do you ship orders
do you ship the next day
do orders go out the same day
how long is processing
processing time?
how long before my order is shipped after i place it
how many days to process
whats the turnaround time
turnaround?
how soon will it ship if i order today
if i buy today when would i get it
if i order tonight when will it ship
if i place an order now will it arrive by the weekend
would it get here by saturday if i order today
need it by next friday, can i order now and get it in time
can i get it before christmas if i order now
will it arrive before valentines day
last day to order for christmas delivery?
whats the last day to order before the holidays
holiday shipping deadline?
are you shipping during the holidays
do you ship on sundays
do you ship on holidays
will there be delays over thanksgiving
are deliveries slower in december
how long does shipping take these days
how long does shipping usually take to chicago
how many days to ship to la
shipping time to new york city
delivery time to the west coast
how long does it take to reach texas
how long to ship to puerto rico
how long for delivery to a po box
how long does it take to mail
how long till i get it
how long til it gets to me
how long b4 it comes
how long does the mail take
how fast is shipping
how fast is delivery
how fast can you get it to me
can i get it tomorrow
do you have next day delivery
can i get it overnight
is there rush shipping
can i pay for faster shipping
is there an option for quicker delivery
is express worth it, how much faster is it
whats the difference between standard and express timing
how long is economy shipping
how long does free shipping take
does free shipping take longer
how long does it take to ship a preorder
when do preorders ship
when will preorders go out
how long do backorders take to ship
how long will a custom order take to ship
when do made to order items ship
how long shiping
how lng does shipping take
hw long for delivry
how long dose it take to ship
how long dose delivery take
how long does it take to delievr
shiping time??
delivry time
how many dayz for shipping
how long it take to come
how long it takes to get to me
how long is the wait for shipping
roughly when would it arrive
about how long does shipping take
whats the eta if i order today
eta for new orders?
i want to order a hoodie but need it in 3 days is that possible
thinking about ordering but i need it by the 15th, how long is delivery usually
i'm buying a gift for saturday, how long would it take to get to me in ohio
i live in denver, how long will delivery take
i'm in a rural area, does shipping take longer
does shipping take longer to alaska or hawaii
⏱️ shipping?
how quick is delivery 🚀
fast shipping? 🚚💨
how long does shipping take 🤔
cuanto tarda en llegar
cuanto tardan en enviar
cuantos dias tarda el envio
en cuantos dias llega
cuanto demora el envio
cuanto demora en llegar si compro hoy
el envio es rapido?
tiempo de entrega?
cuanto tiempo tardan en mandar el pedido
cuando envian los pedidos
si pido hoy cuando llega
llega antes del sabado si compro hoy?
hacen envios el mismo dia?
tienen envio express? cuanto tarda
cuanto tarda el envio a texas
cuantos dias habiles tarda
tiempo de envio por favor
en cuanto llega
cuanto se demoran en entregar
hola cuanto tarda la entrega normalmente?
combien de temps prend la livraison
combien de jours pour recevoir
délai de livraison ?
quels sont les délais de livraison
en combien de temps vous expédiez
vous expédiez sous combien de jours
si je commande maintenant je reçois quand
livraison en combien de temps
la livraison prend combien de temps
c'est long la livraison ?
vous livrez en express ?
combien de temps pour l'expédition
délai d'expédition svp
si je commande aujourd'hui ça arrive avant samedi ?
livraison express combien de jours
temps de livraison moyen ?
bonjour, combien de temps faut-il pour être livré ?
ça met combien de temps à arriver
how long does overnight take
how many days is 2 day shipping really
is next day delivery actually next day
how long does rush shipping take
how fast is express
what's faster, priority or express
how long does ground shipping take
how long is ground
how long does usps take from you
how long does ups ground take
how long does it take to process and ship
how long until it ships after ordering
when would it ship if i order on a friday
do you ship on fridays
how long does the holiday shipping take
is delivery slower this week
when will my order arrive if i choose express
when would express arrive if i order today
express shipping timeframe?
how long for standard to ohio
how long for delivery in the us
whats the average delivery time in the us
cuanto tarda el envio express
en cuantos dias llega el express
combien de temps pour l'express
how long does shipping to seattle take
how many days to get to new mexico
delivery time to phoenix?
how long to ship to miami
cuánto tarda el envío a houston
combien de jours pour livrer à miami
cuanto tarda en llegar a texas
cuantos dias tarda el envio a nueva york
en cuanto tiempo llega a chicago
combien de temps pour livrer au texas
délai de livraison pour new york ?
`;
