// Sending something back: the return policy, the window, how to start a return, labels.
import { phrasings } from "./phrasings";

export default phrasings`
what is your return policy
whats ur return policy
how do i return something
how do i return an item
i want to return my order
i need to return a shirt
can i return this
can i return it if it doesnt fit
can i return sale items
are sale items returnable
how many days do i have to return
whats the return window
is there a time limit on returns
is it too late to return something i bought last month
how do i start a return
where do i start a return
how do i send it back
can i send it back
i'd like to send back the jeans
do you accept returns
do you take returns
returns?
return policy?
return policy pls
how do returns work
is return shipping free
do i pay for return shipping
do i need a return label
can you send me a return label
where do i get a return label
i lost my return label
can i return without the tags
can i return worn items
can i return something i washed
can i return a gift
i got this as a gift and want to return it
can i return in store
do you have free returns
do you offer free returns
how do i mail back my return
where do i ship my return to
what address do i send returns to
i dropped off my return, did you get it
did you receive my return
i want to retun this
how do i retrun
retrun policy
i wanna return it
return pls
can i return part of my order
can i return just one item from order 1043
i want to return order #2210
return for #8812
need to return 🙄 how
how to return ↩️
the dress didnt work for me, how do i return it
i changed my mind can i return it
i dont like it can i send it back
quiero devolver mi pedido
como hago una devolucion
cuál es la política de devoluciones
puedo devolver un articulo
tienen devoluciones gratis
cuantos dias tengo para devolver
je veux retourner un article
comment faire un retour
quelle est votre politique de retour
puis-je renvoyer ma commande
le retour est gratuit ?
how long do i have to make a return
is there a restocking fee
do you charge a restocking fee for returns
`;
