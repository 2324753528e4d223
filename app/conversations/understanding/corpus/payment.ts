// How to pay: accepted methods, instalments, wallets, currencies.
import { phrasings } from "./phrasings";

export default phrasings`
what payment methods do you accept
which payment methods do you take
can i pay with paypal
do you take paypal
do you accept apple pay
can i use google pay
do you have afterpay
can i pay with klarna
do you do pay in 4
can i pay in installments
do you have payment plans
can i split my payment
do you accept venmo
can i pay with cash app
do you take amex
do you accept american express
do you take discover
can i use a debit card
do you accept prepaid cards
can i pay with a gift card
can i use two cards
can i pay with crypto
do you accept bitcoin
is shop pay available
do you accept shop pay
can i pay cash on delivery
can i pay later
buy now pay later?
is there a way to pay later
what currencies do you accept
can i pay in canadian dollars
is my payment info secure
is it safe to put my card in
my card keeps getting declined at checkout
why was my payment declined
payment failed what do i do
checkout wont take my card
it wont let me pay
i cant pay with paypal its giving an error
can i pay by phone
can i pay over text
can i pay with a check
do you take zelle
when will my card be charged
do you charge when i order or when it ships
paypal?
apple pay?
afterpay? 🙏
klarna available?
payment options?
how can i pay
ways to pay?
can i pay wit paypal
do u take paypal
paymnet options
do u accept aple pay
puedo pagar con paypal
aceptan tarjeta de débito
que formas de pago tienen
puedo pagar en cuotas
aceptan pagos a meses
je peux payer avec paypal ?
acceptez-vous apple pay
quels moyens de paiement acceptez-vous
paiement en plusieurs fois possible ?
can i use my hsa card
can i use a virtual card
what payment do you take
how do i pay
payment methods?
venmo?
do you take apple pay
can i use apple pay
do you take google pay
google pay?
shop pay?
do you take klarna
klarna?
afterpay?
can i use afterpay
do you take affirm
affirm?
sezzle?
can i pay in 4
pay in 4?
payment plans?
do you have a payment plan
can i split the payment
can i split payment between two cards
do you take credit cards
do you take debit cards
do you accept visa
amex?
mastercard ok?
can i use a prepaid card
can i use a visa gift card
do you take crypto
bitcoin?
cash on delivery?
do you take checks
can i pay by bank transfer
can i pay with my hsa card
do you take ebt
my card got declined
my card was declined why
payment declined
payment failed
payment didnt go through
payment not going through
it wont take my card
checkout wont accept my card
why wont my card work
paypal isnt working at checkout
apple pay not working
klarna declined me
there's an error at payment
card error at checkout
is it safe to use my card on your site
is your checkout secure
do you store my card
when is my card charged
when do you charge my card
was i charged yet
why is there a pending charge
pay with paypl?
acept paypal?
aple pay?
payement options
paymnet methods
can i pay w venmo
card declined 😩
💳?
paypal? 🙏
afterpay 🙌?
hi! i want to order the jacket but my card keeps getting declined, is there another way i can pay or can i do paypal
hey do you guys do klarna or afterpay? want to split it up into payments
como puedo pagar
que metodos de pago aceptan
aceptan paypal?
puedo pagar con tarjeta
aceptan tarjeta de debito
puedo pagar en efectivo
puedo pagar a meses
aceptan pagos a plazos
tienen meses sin intereses?
puedo pagar con apple pay
aceptan oxxo?
puedo pagar contra entrega
mi tarjeta fue rechazada
el pago no pasa
no me deja pagar
aceptan transferencia?
hola, aceptan afterpay o klarna?
formas de pago?
puedo pagar en dolares
aceptan mercado pago?
je peux payer par paypal ?
vous acceptez paypal ?
paiement en plusieurs fois ?
je peux payer en 3 fois ?
vous prenez la carte bleue ?
vous acceptez apple pay ?
ma carte est refusée
le paiement ne passe pas
paiement refusé
erreur de paiement
je peux payer à la livraison ?
vous acceptez les virements ?
bonjour, est-ce qu'on peut payer avec klarna ?
moyens de paiement ?
vous prenez l'amex ?
paiement sécurisé ?
quand serai-je débité ?
je peux payer avec une carte cadeau ?
paiement par carte possible ?
can i pay with a credit card
do you accept all credit cards
what cards do you take
which cards do you accept
do you take visa
visa?
do you take mastercard
can i use my debit card
debit ok?
can i pay with paypal credit
do you accept paypal pay later
can i pay with my phone
can i pay with samsung pay
is there a way to pay without a card
can i pay over the phone
can i pay with venmo or zelle
can i pay in person
can i pay in installments with klarna
how does afterpay work with you
is there interest on pay in 4
my paypal payment failed
my payment keeps failing
my apple pay wont go through
the payment page is broken
i tried 3 cards and none work
can you send me a payment link
can i pay with two different methods
can i pay with a gift card and a credit card
what currency do you charge in
do you charge in usd
mtodos de pago?
payment optons
paymetn failed
que tarjetas aceptan
aceptan visa y mastercard?
el pago con paypal no funciona
vous acceptez la visa ?
mon paiement paypal a échoué
`;
