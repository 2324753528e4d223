// Discounts and sales: promo codes, coupons, upcoming sales, first-order offers.
import { phrasings } from "./phrasings";

export default phrasings`
do you have a discount code
do you have any promo codes
any coupons?
any discounts right now
is there a sale coming up
when is your next sale
are you having a black friday sale
do you do black friday deals
do you have a first order discount
is there a discount for first time customers
new customer discount?
can i get a discount
can you give me a discount
any deals?
any promo?
promo code pls
discount code?
coupon code please
do you have student discounts
military discount?
do you offer a teacher discount
is there a discount for nurses
do you have a referral program
do you have a loyalty program
do you do bundle deals
if i buy 2 do i get a discount
do you offer discounts on bulk orders
when do things go on sale
will this go on sale
is the hoodie going on sale soon
when is the summer sale
do you have a birthday discount
can i get 10% off
how do i get 10 percent off
how do i get the texting discount
i was promised a code for signing up
where is my welcome code
i signed up for texts but didnt get my discount
did i miss the sale
is the sale still on
how long is the sale
is everything on sale
what's on sale
any codes for free shipping
dicount code?
discout?
promo cod
cupon?
any deals today 🙏
💸 discounts?
sale soon?? 👀
i want a code
send me a code
can you send me a discount
do you have cyber monday deals
tienen algún descuento
hay algún código de descuento
tienen cupones
cuando son las rebajas
hay ofertas?
avez-vous un code promo
il y a des soldes bientôt ?
une réduction pour la première commande ?
code de réduction svp
do subscribers get discounts
do you have a vip discount
any holiday specials
is there a discount if i sign up for texts
do you have any discounts
any discounts?
any discount codes
got any codes?
do you have a promo code
promo code?
promo?
coupon?
do you have a coupon
any coupons available
is there a sale
is there a sale right now
any sales going on
when's the next sale
black friday deals?
cyber monday sale?
do you do holiday sales
do you have a memorial day sale
will the hoodie go on sale soon
is the jacket going to be discounted
any deals this week
deals?
whats on sale
what's on sale right now
do you have a clearance section
clearance?
first time buyer discount?
discount for first order?
new customer discount
is there a welcome code
do you have a student discount
student discount?
do you offer a military discount
teacher discount?
nurse discount?
senior discount?
do you have a discount for healthcare workers
buy 2 get 1?
bogo?
do you have buy one get one
discount if i buy more than one
bulk discount?
discount for 3 or more items
can i get a discount if i order a lot
any chance of a discount
can you do a better price
can you knock a few bucks off
is there a code for 20% off
i heard there was a discount code, what is it
saw a discount on instagram, whats the code
whats the code from the influencer
refer a friend discount?
do you have rewards points
how do i earn points
do you have a newsletter discount
if i sign up for texts do i get a discount
do i get a discount for signing up
birthday discount?
do you give a birthday discount
do you have gift with purchase
free gift with order?
any free shipping codes or discounts
discount code pls
disount please
promo cod?
any promos rn
any coupns
sale when
sale? 🛍️
any deals 🤑
discount 🙏
code? 🎟️
hey! thinking about grabbing the fleece set but it's a bit out of my budget rn, do you guys ever run sales or have any codes floating around?
my friend said you sometimes do 20% off for new customers, is that still a thing
tienen descuentos?
hay algun codigo de descuento
tienen cupon?
cuando es la proxima oferta
tienen rebajas?
descuento para primera compra?
tienen descuento de estudiante
hay descuento por comprar varios
me pueden hacer un descuento?
codigo promocional?
tienen promociones?
hacen descuentos en black friday?
va a estar en oferta pronto?
hola, tienen algun descuento para clientes nuevos?
hay 2x1?
descuento por suscribirme?
tienen programa de puntos?
cupon de descuento por favor
que esta en oferta
vous avez des codes promo ?
code promo ?
il y a des réductions ?
vous faites des soldes ?
c'est quand les soldes
réduction pour la première commande ?
vous avez une remise étudiante ?
un code de réduction svp
vous faites le black friday ?
il y a des promos en ce moment ?
vous avez des offres ?
remise si j'achète plusieurs articles ?
bonjour, avez-vous un code de bienvenue ?
ça va être en promo bientôt ?
vous avez un programme de fidélité ?
coupon de réduction ?
vous faites des prix ?
des bons plans en ce moment ?
réduction parrainage ?
qu'est-ce qui est en solde
do you have any current promotions
any promotions going on
current offers?
do you send discount codes by text
will i get a code if i sign up
how do i get a discount code
where can i find a promo code
is there a code for my first order
do you have a first purchase code
any sales coming up
is there a sale this weekend
labor day sale?
4th of july sale?
end of season sale?
summer sale?
are there any deals on hoodies
discount on bundles?
do you have gift card deals
can i get free shipping and a discount
any discount for returning customers
vip discount?
do you have an employee discount
do you do discounts for big orders
can you send me a coupon
i want a coupon
i need a discount code
any codes i can use
any discount for sharing on instagram
what's the current discount
how much off is the sale
what % off is the sale
when does the sale end
is the sale over
will there be another sale
discunt?
disocunt codes?
promocode?
copoun?
tienen algun cupon ahorita
cuando empiezan las rebajas
hay descuento si compro dos
vous avez un code pour la première commande ?
les soldes commencent quand ?
`;
