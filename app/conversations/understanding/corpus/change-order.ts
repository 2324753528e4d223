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
`;
