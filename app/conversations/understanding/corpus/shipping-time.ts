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
`;
