// What shipping costs: fees, free-shipping thresholds, express prices.
import { phrasings } from "./phrasings";

export default phrasings`
how much is shipping
how much does shipping cost
whats the shipping cost
what do you charge for shipping
shipping price?
shipping fee?
is shipping free
do you offer free shipping
free shipping?
is there free shipping over a certain amount
whats the minimum for free shipping
how much do i need to spend for free shipping
do i get free shipping if i spend 50
do you have free shipping on all orders
how much is express shipping
how much for overnight shipping
what does 2 day shipping cost
why is shipping so expensive
shipping is too expensive can you waive it
can you waive the shipping fee
will you cover shipping
is shipping included in the price
does the price include shipping
how much would shipping be to ohio
shipping cost to texas?
how much to ship 2 hoodies
is shipping charged per item
do you charge shipping per order or per item
is there a fee to ship
hw much is shiping
how mich is shipping
shiping cost
whats shipping
$ for shipping?
any free shipping promos right now
free shipping threshold?
is there a flat rate for shipping
flat rate shipping?
what are your shipping rates
shipping rates please
shipping charges?
do you do free delivery
is delivery free
how much is delivery
delivery fee?
how much extra for express
what does standard shipping cost
is standard shipping free
how much is shipping on a $30 order
if my order is $45 do i pay shipping
do you have free shipping for members
cuanto cuesta el envio
el envío es gratis?
tienen envio gratis
cuanto cobran de envio
cuánto es el envío express
combien coûte la livraison
la livraison est gratuite ?
frais de livraison ?
livraison offerte à partir de combien
combien pour l'expédition express
shipping $$? 💸
how much was shipping again
can i get free shipping on this order
is shipping cheaper if i order more
does shipping cost more for heavy items
`;
