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
can i return it
i want to return something
i'd like to return a shirt
how do i send this back
i need to send this back
return please
return?
do you do returns
are returns free
who pays return shipping
do you give a return label
i need a return label
where's my return label
how do i print a return label
i didnt get a return label
how long do i have to return
how many days to return
what is the return window
is it too late to return
can i still return it after 30 days
can i return after 45 days
i bought it a month ago can i return it
can i return final sale
can i return it if i washed it
can i return without tags
i removed the tags can i still return
can i return without the receipt
do you have a store i can return to
where do i ship my return
whats the return address
start a return
start return for order 4471
i want to start a return for #3307
return for order #1043
i need to return order 2291
return item from #5520 please
how do i return part of my order
can i return just one item
can i return half my order
it doesn't fit, can i return it
doesnt fit want to return
too small, how do i return
too big wanna send it back
i don't like it can i return it
didn't like the color, can i send it back
it looks different than the picture, i want to return it
changed my mind, can i return
i changed my mind about the jacket
not what i expected, return?
i ordered two sizes and want to return one
bought 2 sizes to try, sending one back, how?
my return is ready how do i ship it
i mailed my return, did you get it
is my return processed
return status?
how long does a return take to process
where do i drop off the return
can i drop my return at ups
do i need the original box to return
do i need to include anything with my return
restocking fee?
do you charge a return fee
is there a fee to return
retun policy
retrun policy?
how do i retun this
can i retrun it
i want to retun
returm policy
return polcy
how do i retrn
return label pls 🙏
wanna return this 😕
need to return 📦↩️
can i return? 🤷
hey so i ordered the black hoodie and it's way too big on me, i'm not looking for another size, i just want to send it back. how does that work?
so i got my order today and honestly the dress just isn't me, what's the process to send it back?
puedo devolver un producto
como devuelvo esto
cual es la politica de devolucion
aceptan devoluciones?
tienen devoluciones gratis?
cuanto tiempo tengo para devolver
quiero regresar una camisa
puedo regresar esto
como regreso un articulo
me queda chico, lo puedo devolver
no me gusto, lo puedo devolver?
necesito una etiqueta de devolucion
a que direccion mando la devolucion
la devolucion es gratis?
puedo devolver algo en oferta
devolucion del pedido 4471
hola, quisiera devolver unos pantalones
ya mande mi devolucion, la recibieron?
comment retourner ma commande
les retours sont gratuits ?
je peux renvoyer ce produit ?
je voudrais renvoyer ma commande
combien de jours pour retourner
retour possible ?
étiquette de retour svp
à quelle adresse renvoyer le colis
ça ne me va pas, je peux le retourner ?
je n'aime pas la couleur, je peux le renvoyer
vous acceptez les retours ?
retour de la commande 1043
bonjour, j'aimerais retourner une robe
est-ce que le retour est payant
j'ai renvoyé mon colis, vous l'avez reçu ?
les articles soldés sont-ils repris ?
je veux renvoyer le pull
returns policy please
what is the policy for returns
how does the return process work
return process?
can i return online orders
can i return a used item
can i return shoes i wore outside
can i return underwear
can i return swimsuits
can i return jewelry
can i return an item bought on sale
can i return a damaged box
can i return a preorder
can i return part of a bundle
is there a return deadline
is it 30 days to return
do you do free returns
free returns?
returns free?
do i need a receipt to return
do i have to pay to return
how much is return shipping
can i return it by mail
return shipping label?
is the return label prepaid
where do i mail it back
can i return to a kohls or something
can i get a return label emailed
i want to send back the jacket
sending back 2 items how do i do it
retun label pls
retrn policy
retunr
returnn it
devolucion gratis?
como mando una devolucion por correo
comment renvoyer un article par la poste
combien coûte le retour
how do i return it
where do i send it back
what address do i send my return to
can i get a return label to send it back
how do i start a return for my order
como devuelvo el pedido
a donde envio la devolucion
comment je fais pour retourner l'article
où dois-je renvoyer le colis
`;
