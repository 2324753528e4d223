// A code that fails at checkout: invalid, expired, not applying, not combining.
import { phrasings } from "./phrasings";

export default phrasings`
my discount code isnt working
my promo code doesn't work
the code isnt working
the coupon won't apply
discount code not working at checkout
code says invalid
it says my code is invalid
it says the code expired
my code expired can you extend it
the code wont go through
the discount didn't apply
the discount isn't showing at checkout
my 10% off didn't work
i entered the code but the price didnt change
the code you sent me doesn't work
the code from your text doesnt work
the welcome code isnt working
code SAVE10 not working
WELCOME15 says invalid
why won't my code work
why isnt my coupon working
the promo code is not being accepted
code not accepted
code invalid??
coupon error
discount code error at checkout
it says this code can't be used
it says the code has already been used
it says code already used but i never used it
can i use two codes
can i combine discount codes
can i stack codes
does the code work on sale items
the code doesn't work on sale items
why can't i use my code on the sale stuff
forgot to apply my code can you add it
i forgot to use my discount code can you apply it now
can you apply the discount after i ordered
i forgot the promo code, can i still get it
the free shipping code isnt working
the link with the discount didnt apply it
the discount link doesn't work
clicked the link but no discount
code not wrking
cupon not workin
my codes not workig
disount code doesnt work
code broken?
code no work 😩
the code ✖️ not working
el código de descuento no funciona
mi cupon no sirve
dice que el código no es válido
el descuento no se aplica
le code promo ne marche pas
mon code de réduction ne fonctionne pas
le code est invalide
la réduction ne s'applique pas
entered my code and got an error
my discount disappeared at checkout
the code worked then stopped
why does it say minimum not met for the code
the code says minimum purchase required
my gift card code doesn't work
my code isnt working
my code doesnt work
code not working
the code doesnt work
discount code not working
promo code not working
coupon not working
coupon code doesnt work
the code wont apply
code wont go through
my discount didnt apply
the discount wasnt applied
discount not applied at checkout
it says invalid code
says code is invalid
invalid promo code?
code expired?
is the code expired
it says code not valid
code not valid for these items
error when i enter the code
checkout wont take my code
cart wont accept my code
the site says the code doesnt exist
welcome code not working
first order code doesnt work
my birthday code isnt working
student code doesnt work
free shipping code doesnt work
the 20% off code isnt working
WELCOME10 doesnt work
SAVE20 says invalid
code SUMMER15 not working
i used a code but it didnt take the discount off
the code only took off 5 not 20
discount applied wrong
it only discounted one item
the sale price didnt show at checkout
sale price not showing in cart
i forgot to use my code can you apply it
forgot to add my discount code
i forgot the promo code, can you still give me the discount
can you apply my code after i ordered
can you add the discount to my order
can i still use my code on my order i just placed
i didnt get the discount on my order
i was supposed to get 15% off and didnt
i was charged full price but there's a sale
why didnt i get the discount
why isnt my code working
whats wrong with my code
how do i use my code
where do i put the promo code
where do i enter the code
i cant find where to enter the discount
there's no box for a coupon code
can i use a code on sale items
does the code work on sale stuff
code doesnt work on sale items?
the code you texted me doesnt work
the link with the discount didnt work
the discount link isnt working
my gift card isnt working
gift card code invalid
my store credit wont apply
cod not working
coupn doesnt work
promo cod invalid
discont not applied
codde wont work
my code aint working
code isnt workin
😩 code not working
code ❌
code says invalid 😤
promo code broke?? 🤔
hi, i've been trying to check out for like 10 minutes and the code from your text keeps saying it's not valid, can you help?
i signed up for texts to get 10% off but when i put the code in it says it's already been used, i never used it
el codigo no funciona
mi cupon no funciona
el codigo de descuento no sirve
no me aplica el descuento
dice codigo invalido
el codigo expiro?
el cupon esta vencido?
no se aplico el descuento
puse el codigo y no bajo el precio
olvide poner el codigo, me lo pueden aplicar?
donde pongo el codigo de descuento
el codigo que me mandaron no funciona
no me hicieron el descuento
me cobraron precio completo con el codigo
hola, el codigo BIENVENIDO no me funciona
el descuento no aparece en el carrito
no me deja usar el cupon
el codigo no es valido para estos productos
error con el codigo promocional
me sale error con el cupon
le code ne marche pas
mon code promo ne fonctionne pas
le code a expiré ?
le coupon ne fonctionne pas
code promo refusé
j'ai oublié d'entrer mon code, vous pouvez l'appliquer ?
où dois-je entrer le code promo
la remise n'a pas été appliquée
le code que vous m'avez envoyé ne marche pas
j'ai payé plein tarif malgré le code
bonjour, mon code de bienvenue ne passe pas
le code n'est pas valable sur les soldes ?
erreur avec le code de réduction
impossible d'utiliser mon code
le panier refuse mon code
code invalide ?
ma carte cadeau ne marche pas
pourquoi mon code ne marche pas
my discount code isn't going through
the promo isn't applying
the coupon won't apply to my cart
it keeps saying invalid
says not applicable
code is not applicable to my cart
it says minimum not met but my cart is over 50
the free shipping didn't apply even though im over 50
the sale price isn't applying
my 15% off isnt showing
my welcome discount isnt working
i tried the code 3 times
the code from your email doesnt work
your code is broken
did the code expire already
the code says it has been used
code already used?
it says one use per customer but i never used it
can you fix my code
can you send a new code mine doesnt work
my code worked but the total didnt change
i applied the code but got charged the full amount
promo error
coupon invalid?
code failed
code didnt take
discount missing from my order
i didnt get my discount
the discount didnt come off
code not wroking
code doesnt wrk
promocode not workin
el codigo me dice que ya fue usado
el descuento no se aplico a mi orden
no me funciona el codigo del mensaje
mon code de réduction est refusé
la réduction n'apparaît pas
`;
