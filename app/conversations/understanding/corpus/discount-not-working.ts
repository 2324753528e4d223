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
`;
