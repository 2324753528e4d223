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
do you price match
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
`;
