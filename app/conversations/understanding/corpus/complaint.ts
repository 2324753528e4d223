// Something went wrong: damaged, wrong or missing items, delivery failures, charges, dissatisfaction.
import { phrasings } from "./phrasings";

export default phrasings`
my order arrived damaged
the item came broken
the shirt has a hole in it
there's a stain on the dress
the seam ripped after one wear
the zipper broke
the product is defective
you sent me the wrong item
i got the wrong size
i received the wrong color
this isnt what i ordered
my order is missing an item
one item is missing from my package
the box was empty
my package says delivered but i didnt get it
tracking says delivered but nothing is here
my package was stolen
my package is lost
the package never came
i never received my order
it's been 3 weeks and still nothing
i was charged twice
you double charged me
i got charged but never got a confirmation
there's a charge i didn't make
i was overcharged
the quality is terrible
very disappointed with my order
this is unacceptable
worst customer service ever
i'm really unhappy
i'm so frustrated
this is ridiculous
you guys are a scam
i want to file a complaint
i'd like to make a complaint
i have a complaint
nobody answers my emails
i emailed three times and no reply
i've been waiting forever
my refund never came and nobody responds
the color is completely different from the pictures
it looks nothing like the photo
it fell apart after one wash
it shrunk two sizes after one wash
it gave me a rash
the shoes hurt and the sole came off
the driver threw my package
the package was soaked and the clothes ruined
the item smells bad
i got someone else's order
half my order is missing
your delivery guy left it at the wrong house
it was delivered to the wrong address
i'm never ordering again
this is the second time this happened
not happy 😡
so disappointed 😞
broken 💔 again
wrong item!!
damaged!!
mi pedido llegó roto
me llego el producto equivocado
me cobraron dos veces
nunca llegó mi paquete
estoy muy molesta con el servicio
ma commande est arrivée abîmée
j'ai reçu le mauvais article
je n'ai jamais reçu mon colis
je suis très déçu
on m'a débité deux fois
the print is peeling off already
the stitching is coming undone
worst service ever
i'm very disappointed
really disappointed with my order
i'm not happy with my order
i'm unhappy with the quality
the quality is awful for the price
it ripped the first time i wore it
the seam came apart
there's a hole in my shirt
my item arrived damaged
the box was crushed and the item is damaged
it came broken
the zipper broke already
it came stained
i got the wrong item
wrong item in my package
you sent the wrong color
you sent the wrong size
items missing from my order
only half my order was in the box
the package was empty
package says delivered but it was stolen
i never received my order and nobody helps
i've emailed 3 times and no one answers
nobody is answering my emails
no one has gotten back to me
i've been ignored for a week
i'm going to dispute the charge
i'm calling my bank
i'm reporting you to the bbb
i'm leaving a bad review
this is a scam
is this a scam
you guys are scammers
i feel ripped off
you charged me twice
i was charged twice and nobody fixed it
you charged me for something i didnt order
my refund has been 2 months, this is ridiculous
still no refund after a month, terrible
terrible experience
horrible customer service
your customer service is a joke
never ordering again
i will never shop here again
very bad experience
this is the worst
so frustrated
i'm so frustrated with this order
the print peeled off after one wash
colors faded right away
the shoes gave me blisters and fell apart
it looks nothing like the picture, total ripoff
this is false advertising
the delivery guy threw my package
worst company ever 😡
😡😡😡
ugh this is terrible 😤
disapointed
terrible qualty
wrost service
unaceptable
hello, i received my order today and the hoodie has a big stain on the front and the stitching is coming undone on the sleeve. i'm really disappointed given the price
i've been a customer for two years and this last order was a mess, wrong size, late, and the box was ripped open
estoy muy decepcionado
el producto llego roto
llego dañado
me mandaron el producto equivocado
me llego otra talla
falta un articulo en mi pedido
pesimo servicio
la calidad es malisima
nadie me responde
me cobraron dos veces y nadie me ayuda
es una estafa
no vuelvo a comprar
quiero poner una queja
le produit est arrivé abîmé
il manque un article
service client nul
la qualité est horrible
c'est une arnaque
personne ne me répond
je veux porter plainte
je ne commanderai plus jamais
the hoodie shrank after one wash and now it's useless
my package came soaking wet
the item smells weird
there's dog hair all over my order
the stitching is terrible
the zipper is broken out of the box
the color is completely different from the website
this is not what i ordered
i ordered black and got navy, not happy
the sizes are all wrong and nobody cares
you lost my package and nobody helps
my package was delivered to the wrong house
delivery driver left it in the rain
this took a month to arrive, awful
you ruined my gift
i'm extremely upset
i'm really upset about this
this is so annoying
i've waited long enough
you owe me money
i want compensation
i expect a full refund for this mess
horrible quality never again
cheap material, very disappointed
looks used
i got a used item
the box was opened when it arrived
my order was opened and items missing
tengo una queja
me llego sucio
estoy muy molesto
c'est inadmissible
je suis très mécontent
l'article est arrivé sale
tracking says delivered but nothing here
le suivi indique livré mais je n'ai rien
hola mi pedido dice entregado pero no lo tengo
where is my package it says delivered but i dont see it
i got a small in a bag labelled large
the shirt that came is not the one in the picture
ordered navy and a green one showed up
the tag says medium but it fits like an xs and the bag said large
the dress i got looks nothing like the photo
the color is completely different from the website
this is a different style from what's on my order
i opened the box and it's a totally different jacket
the size on the label doesnt match my order
my receipt says black but i have a white one
got two left shoes
the set came without the belt
only one earring in the box
the lid wasnt in the package
the hoodie has a big mark on the front
there's a yellow spot on the collar straight out of the bag
it came dirty
it smells like smoke
the stitching is coming apart already
the print is peeling after one wash and i followed the care label
tracking shows delivered yesterday and there's nothing at my door
it says left at front door but there's no box
says delivered to mailbox but my mailbox is empty
my neighbours dont have it either and tracking says delivered
the money left my account but i have no order
my card was charged but i never got an order number
i paid and the site crashed, now theres a charge and no order
the carrier returned it to you and nobody told me
the driver left it at the wrong house
the package came open and half empty
me llegó una talla s en una bolsa que dice l
la camisa que recibí no es la de la foto
el color no se parece nada al de la página
pedí azul y me mandaron uno verde
faltan piezas en el paquete
llegó con una mancha
dice entregado pero no hay nada en mi puerta
me cobraron pero no tengo ningún pedido
el vestido no es el que pedí
j'ai reçu un S dans un sachet marqué L
la robe reçue n'est pas celle de la photo
la couleur n'a rien à voir avec le site
il manque des pièces dans le colis
le pull a une tache en sortant du sachet
le suivi dit livré mais il n'y a rien chez moi
j'ai été débité mais je n'ai aucune commande
ce n'est pas l'article que j'ai commandé
`;
