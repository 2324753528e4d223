// Swapping an item for another size, colour or product.
import { phrasings } from "./phrasings";

export default phrasings`
can i exchange an item
can i exchange for a different size
can i exchange this for a medium
i need to exchange for a bigger size
i need a smaller size can i swap it
can i swap it for a different color
can i exchange the black one for the navy
do you do exchanges
do you offer exchanges
how do exchanges work
how do i exchange something
how do i start an exchange
exchange policy?
whats your exchange policy
can i exchange instead of returning
i want an exchange not a refund
i'd rather exchange it
can i trade it for another size
can i switch the size on my order i already received
it's too small can i get a large instead
too big, can i exchange for a small
the shirt is too tight i want the next size up
can i exchange sale items
can i exchange a gift
is the exchange free
do i pay shipping for an exchange
how long does an exchange take
when will i get my exchange
i sent my exchange back when will the new one ship
did you receive my exchange
can i exchange for a different item
can i exchange for something else entirely
can i exchange the shoes for the boots
exchange pls
exchnage for a medium
can i exchage this
can i excahnge it
exhange?
swap size?
size swap please
i want to swap my order #1043 for an xl
exchange for order 2290
need to exchange 🙏 wrong size for me
can you send me a medium and i'll send back the small
can i get the same thing in a different size
do you do size exchanges
can i exchange the color only
i ordered the wrong size, can i exchange it
ordered a large but need a medium
quiero cambiar la talla
puedo cambiar por otra talla
puedo cambiarlo por otro color
como hago un cambio
hacen cambios?
je voudrais échanger contre une autre taille
puis-je échanger la couleur
comment faire un échange
vous faites les échanges ?
echange de taille possible ?
if it doesn't fit can i exchange it
is there a fee for exchanges
can i exchange after 30 days
can i exchange without the receipt
how do i get a different size sent
can i exchange this
can i exchange it
i want to exchange my order
i want to exchange for a different size
can i exchange for a bigger size
can i exchange for a smaller size
can i swap for a medium
can i swap it for a large
can i swap sizes
i need a different size
i need a size up
i need a size down
can i get it in a smaller size instead
can you send me a medium instead of a small
i want a large instead
i ordered the wrong size can i exchange it
wrong size, can i swap
got the wrong size, need to exchange
i ordered small but need medium
i ordered an xl but need an l
too small need a bigger one
too big need a smaller one
it's too tight, can i get the next size up
the shoes are too small can i swap for a 9
can i exchange for a different color
can i swap the black one for the grey
i want the blue one instead
can i change the color i got
can i exchange for another item
can i trade it for something else
can i exchange it for a different style
can i swap for a different product
exchanges?
what is your exchange policy
whats the exchange policy
are exchanges free
is exchange shipping free
do i pay shipping on an exchange
how do i exchange
how do i exchange an item
start an exchange
exchange for order #4471
exchange #2291 for a large please
i want to exchange an item from order 5520
can i exchange a sale item
i got this as a gift, can i exchange the size
how long do i have to exchange
is my exchange shipped
whats the status of my exchange
did you get my exchange
where is my replacement size
can you just send the new size and i send the old one back
can i exchange in store
exchange label?
do i need a label for an exchange
echange
exchage please
excahnge for a medium
exchnage size
can i exchane this
can i excange
exhange for large?
swap size pls
size swap?
exchange ↔️ size?
can i swap 🔄 for a medium
need a smaller size 😩 can i exchange
hi! i love the jacket but it's a little snug in the shoulders, could i swap it for the next size up instead of returning it?
so the hoodie came and it's great but the color is off from what i wanted, is it possible to trade it for the grey one
puedo cambiar la talla
quiero cambiar de talla
puedo cambiar por una talla mas grande
puedo cambiar por una talla mas chica
me queda chico, lo puedo cambiar
necesito cambiarlo por un mediano
puedo cambiar el color
quiero cambiarlo por otro color
aceptan cambios?
cual es la politica de cambios
el cambio es gratis?
cambio de talla por favor
cambiar una prenda del pedido 4471
quiero cambiar el producto por otro
hola, me llego grande, puedo cambiarlo por uno mas chico?
puedo cambiar un regalo
cuanto tarda el cambio
ya mande el cambio, cuando me llega el nuevo
je peux échanger la taille
je voudrais échanger contre une taille au-dessus
échange de taille possible ?
je veux échanger pour une taille plus petite
je peux changer la couleur
quelle est votre politique d'échange
l'échange est gratuit ?
c'est trop petit, je peux échanger
c'est trop grand, je voudrais la taille en dessous
échanger un article de la commande 1043
je voudrais un M à la place du S
bonjour, est-il possible d'échanger ma robe contre une autre taille ?
je peux échanger un cadeau ?
échange contre un autre modèle ?
combien de temps prend un échange
où en est mon échange
j'ai renvoyé pour un échange, quand je reçois la nouvelle taille
échange svp
exchange please
i want an exchange
i'd like an exchange not a refund
can i get a different size sent
i need to exchange the jeans for a 32
swap the xl for a large please
i'd like to exchange my medium for a small
can i exchange the shoes for a half size up
the 8 is too small, can i get an 8.5
need the next size down in the joggers
exchange process?
how does the exchange process work
can i exchange online
can i exchange for something more expensive and pay the difference
can i exchange for a cheaper item
can i exchange twice
can i exchange if i already washed it
can i exchange without tags
is there a fee to exchange
will you send the new size before i return the old one
do i have to send it back first to exchange
exchange from order 6610 to a medium
i'd like to trade my black hoodie for a grey one
is it possible to swap colors
swap for blue?
exchange for xs?
size exchange?
color exchange?
trade in for a bigger size?
can i exchnge this
exchnge for large
exchage size pls
echanger la taille svp
cambio por talla m
cambio de color posible?
puedo cambiarlo por una talla menos
je voudrais échanger contre la couleur noire
can i swap for a medium
i want a different colour
i'd like this in a large instead please
it's a bit small, can i get the next size up
love it but want it in green, can i exchange
puedo cambiarla por una talla m
quiero otro color
je voudrais la taille au-dessus à la place
`;
