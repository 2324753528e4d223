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
`;
