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
`;
