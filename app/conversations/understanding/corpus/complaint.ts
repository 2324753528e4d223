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
`;
