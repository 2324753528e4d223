// Cancelling or changing an order already placed: items, size, address.
import { phrasings } from "./phrasings";

export default phrasings`
can i cancel my order
i want to cancel my order
please cancel my order
cancel order 1043
cancel #2281 please
how do i cancel an order
can i still cancel
is it too late to cancel
i need to cancel, i ordered by mistake
i accidentally ordered twice cancel one
can i change my order
i need to change my order
can i change the size on my order
can i change the color before it ships
can i add something to my order
can i add an item to order #3391
can i remove an item from my order
i want to take something off my order
can i change my shipping address
i need to update my address
wrong address on my order
i put the wrong address
i typed my address wrong can you fix it
can you change the delivery address
can i change the address on #5510
i moved, can you ship to my new address
can you ship to a different address
i forgot my apartment number
missing apt number on my order
can i update my zip code on my order
can i switch to express shipping after ordering
can i upgrade the shipping on my order
can i change my email on the order
can i edit my order
edit order?
modify my order please
i made a mistake on my order
ordered the wrong size can you change it before it ships
ordered wrong color pls change
change order pls
cancle my order
cancell order
cancel it pls
plz cancel 🙏
can i cancle
chnage my address
change adress
i want to change my order before it ships
hold my order i need to change something
stop my order from shipping
can you hold my order
quiero cancelar mi pedido
puedo cambiar la direccion de envio
me equivoque de direccion
puedo modificar mi pedido
cancelen mi orden por favor
je veux annuler ma commande
puis-je modifier mon adresse de livraison
je me suis trompé d'adresse
pouvez-vous modifier ma commande
annuler la commande 1043 svp
can i cancel part of my order
cancel the hoodie from my order but keep the rest
i want to change the shipping address to my work
can i pick a different delivery address
can i change my order if it already shipped
cancel my order
cancel order #4471
please cancel order 2291
i want to cancel
i need to cancel my order asap
how do i cancel
can you cancel it before it ships
cancel it please
i ordered by mistake, cancel please
i placed two orders by accident can you cancel one
i accidentally ordered twice, cancel the second
i ordered the wrong thing, can i cancel
i changed my mind cancel my order
can i modify my order
can i add an item to my order i just placed
i forgot to add a hat, can you add it to my order
take the socks off my order please
i ordered a small but want a medium, can you change it before it ships
can i change the color on my order
change the hoodie to black please
can i change my address
i need to change my shipping address
i entered the wrong address
i typed my address wrong
my address is wrong can you fix it
i moved, can you update the address on my order
update my address please
change address for order #5520
the zip code on my order is wrong
i forgot to add my apt number
can you add apt 4b to my address
can you ship it to my work instead
can i change where it ships
ship to a different address please
can i change the delivery address after ordering
can i change the name on my order
i used the wrong email for my order
i need to update my phone number on the order
can i change my shipping method
can i upgrade to express shipping
can i switch to express
can i combine my two orders
can you combine my orders to save shipping
can i change my order before it ships
can you delay shipping my order
can you ship it later
can you hold it until i get back
stop my order
stop the shipment
don't ship my order
cancell order pls
i want to cancle
canel my order
chage my order
wrong adress
adress change pls
cancel ❌
cancel pls 🙏
oops wrong address 😬
hi, i just realized i put my old address on the order i placed 10 minutes ago, can you change it to 22 oak st apt 3 before it ships?
so i ordered a hoodie last night but i actually want it in grey not black, is it possible to switch it before you send it
cancelen mi pedido por favor
como cancelo mi orden
puedo cancelar mi compra
puedo cambiar mi pedido
quiero cambiar la direccion de envio
puse mal la direccion
puedo agregar algo a mi pedido
puedo quitar un producto de mi pedido
pueden cambiar la talla de mi pedido antes de enviarlo
cancelar pedido 4471
hola, hice el pedido dos veces, pueden cancelar uno?
puedo modificar mi orden
cambiar direccion del pedido por favor
olvide poner el numero de departamento
todavia puedo cancelar?
pueden enviarlo a otra direccion
quiero cambiar el metodo de envio
anulen mi pedido
annuler ma commande svp
comment annuler ma commande
je peux modifier ma commande ?
changer l'adresse de livraison
j'ai mis la mauvaise adresse
je voudrais ajouter un article à ma commande
je peux retirer un article de ma commande ?
modifier la taille de ma commande
annulation de la commande 1043
bonjour, j'ai commandé deux fois par erreur, pouvez-vous en annuler une ?
est-il trop tard pour annuler ?
je peux changer l'adresse avant l'expédition ?
j'ai oublié le numéro d'appartement
vous pouvez livrer à une autre adresse ?
je veux changer la couleur de ma commande
modifier ma commande svp
annulez ma commande
je voudrais passer en livraison express
i need to cancel order #3392 i ordered the wrong size
cancel the whole order please
please don't send my order, i want to cancel
can you cancel and refund my order before it ships
i want to cancel part of my order
cancel just the hat from my order
can i swap an item in my order before it ships
can you change my order to a large before it goes out
can i change the size before you ship it
change size on order 4410 to medium
change my order to the blue one
i want to change what i ordered
i made a mistake in my order
there's a mistake in my order i placed, can i fix it
can i fix my order
need to fix my shipping address
can you correct my address
correct address is 14 pine rd
please update the street name on my order
i spelled my street wrong
send it to my mom's house instead
can you change the delivery to my office
i want to pick it up instead of shipping
can i switch to local pickup
can i change my order to pickup
i forgot to use my other address
the address autocomplete was wrong
change the name on the package to my wife
can i add another shirt to order 5520
add a second hoodie to my order please
can i add gift wrap to my order
can i still edit order #7719
change order?
cancel order?
address wrong!
canceal my order
cancle order 3307
modify ordr
chnge address pls
cambiar mi pedido a talla l por favor
quiero agregar otra playera a mi pedido
pueden cancelar la orden 3392
je voudrais modifier l'adresse de ma commande 1043
je veux annuler une partie de ma commande
pouvez-vous changer la taille avant l'envoi
i need to update the address on my order
please change the shipping address on #3307
the address on my order is old
i moved last week, please ship to my new address
can i change the address on order 1043 to 5 main st
ship to 221 b st instead
my apartment number is missing on the order
add unit 12 to my address please
can you change my order to express
i want to change my order please
can i cancel my order if it hasn't shipped
cancel if not shipped yet
cancel it, i found it cheaper
i don't need the order anymore, cancel it
i want to cancel, ordered the wrong color
`;
