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
how much does delivery cost
delivery charge?
what is the delivery cost
whats the shipping charge
how much do you charge to ship
how much to ship
how much to ship to texas
how much to ship one shirt
how much to ship a hoodie
cost of shipping?
shipping cost?
shipping costs pls
price of shipping
what are the shipping rates
shipping rates?
do you have flat rate shipping
is shipping a flat fee
is shipping calculated by weight
does shipping cost more for more items
how much is shipping for 3 items
how much shipping for a big order
free delivery?
do you have free shipping right now
free shipping code?
any free shipping deals
is there a free shipping threshold
how much for free shipping
what do i need to spend to get free shipping
free shipping minimum?
do i qualify for free shipping
does my order qualify for free shipping
i'm at 45 dollars do i get free shipping
if i spend 60 is shipping free
is shipping free over 50
is shipping free over $50?
how much more do i need for free shipping
why was i charged for shipping
why did i pay shipping on a $70 order
i thought shipping was free
shipping was supposed to be free
why is shipping $10
why so much for shipping
shipping costs more than the shirt lol
can i get free shipping this time
can you give me free shipping
can shipping be free
is there free shipping for members
do you offer free shipping for students
express shipping price?
how much is express
how much is overnight
how much is next day delivery
how much extra for faster shipping
how much to upgrade shipping
cost for 2 day shipping
how much does priority cost
is pickup free
is local pickup free
do you charge for shipping
do you charge shipping
do u charge for delivery
any shipping fees
are there any extra fees for shipping
hidden fees for shipping?
is tax and shipping included
is shipping included
is shipping extra
shipping extra?
shipping included in price?
how much would shipping be to 90210
shipping cost to california?
how much to ship to new york
how much is shipping to hawaii
how much is shipping to alaska
shipping price to a po box
how much is shiping
how mcuh is shipping
shippin cost
shiping fee?
free shiping?
fre shipping?
how much shippng
shipping $$?
💸 shipping?
free shipping?? 🙏
how much for shipping 📦
is shipping free 😍
i want to order two shirts, how much would shipping be on that
ok so i have like 40 bucks in my cart, is there any way to get free shipping or do i have to add more
el envio es gratis?
envio gratis?
cuanto es el envio
precio del envio?
cuanto sale el envio
desde cuanto es el envio gratis
a partir de cuanto el envio es gratuito
cuanto cuesta el envio express
cobran el envio?
costo de envio por favor
cuanto me cobran por enviar a texas
el envio esta incluido en el precio?
hola cuanto cuesta mandar un pedido?
por que me cobraron envio
envio gratuito?
cuanto cuesta el envio rapido
hay envio gratis por compras mayores?
livraison gratuite ?
frais de port ?
combien sont les frais de port
frais de livraison svp
c'est combien la livraison
à partir de combien la livraison est offerte
combien coûte l'express
les frais d'envoi c'est combien
vous faites la livraison gratuite ?
pourquoi j'ai payé les frais de port
la livraison est comprise dans le prix ?
combien pour expédier deux articles
tarifs de livraison ?
bonjour, quel est le prix de la livraison ?
what does shipping cost on a small order
how much is standard shipping
standard shipping price
what's the cheapest shipping option
cheapest way to ship?
is there a cheaper shipping option
how much to ship to my house
do you ship free to my zip 60614
shipping fee is how much
how much for delivery to chicago
how much do you charge for express delivery
do you refund shipping costs if i pay for express and it's late
what would shipping cost me for 4 tees
shipping cost on hats?
how much to mail it
how much is 2 day shipping
how much does rush shipping cost
price for express delivery?
is express free over a certain amount
is there free express shipping
how much is ground shipping
what's the shipping fee on a $30 order
do you charge shipping on orders over 50
how much to ship to denver
shipping cost to portland oregon?
how much is shipping to new mexico
what does delivery to boston cost
how much to ship to atlanta
cuánto cuesta el envío a nueva york
cuanto sale mandar a los angeles
combien coûte la livraison à new york
cuanto cuesta el envio a chicago
cuánto me sale el envío a florida
precio de envio a california?
cuanto cobran por mandar a nueva jersey
combien pour livrer en floride
quel est le tarif de livraison pour la californie
`;
