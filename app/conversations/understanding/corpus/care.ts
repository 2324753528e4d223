// Care and materials: washing, drying, fabric, what things are made of.
import { phrasings } from "./phrasings";

export default phrasings`
how do i wash this
how should i wash the hoodie
can i put it in the dryer
can it go in the dryer
is it machine washable
can i machine wash it
do i need to dry clean it
is it dry clean only
how do i care for linen
care instructions?
what are the care instructions
will it shrink in the wash
does it shrink
does the cotton shrink
can i iron it
can i iron the shirt
how do i keep it from pilling
does it pill
will the color fade
does the color bleed in the wash
should i wash it in cold water
hand wash or machine?
what is it made of
what's the material
what fabric is this
what is the fabric content
is it 100% cotton
is it real cotton
is this polyester
is the sweater wool
is it itchy
is the fabric thick
is the material thin or see through
is it see through
is it breathable
is it good for hot weather
is the material soft
is it organic cotton
is it vegan
is the leather real
is it sustainable
where are your clothes made
where is this made
is it made in the usa
is it ethically made
what is the linen shirt made of
what material are the jeans
how heavy is the fabric
whats the gsm
is it stretchy material
does the fabric wrinkle easily
how to get a stain out
how do i clean the shoes
can the shoes go in the washer
how to wash 🧺
washing instructions pls
how do i wahs it
matrial?
wat fabric is it
como lavo la prenda
se puede meter a la secadora
de qué material es
es de algodón
encoge al lavarla?
comment laver ce vêtement
ça passe au sèche-linge ?
c'est en quelle matière
est-ce que ça rétrécit au lavage
c'est du coton ?
is it hypoallergenic
is the dye safe for sensitive skin
does it need special care
how should i wash it
how do i wash the hoodie
how to wash?
washing instructions?
how do i care for it
how do i take care of the jacket
machine wash?
can it go in the washer
dryer safe?
can i tumble dry
does it need to be hand washed
hand wash only?
cold or warm water?
what temperature do i wash it at
can i wash it in hot water
can i bleach it
can i iron the print
can i steam it
does it need dry cleaning
dry clean only?
will it shrink
does it shrink in the wash
will it shrink in the dryer
my shirt shrank is that normal
does the color bleed
will it bleed in the wash
should i wash it inside out
how do i keep the print from cracking
will the print crack
how do i stop pilling
how do i get a stain out
how do i clean a stain off it
how do i clean suede
how do i clean leather
how do i clean the hat
how do i wash the wool sweater
how to wash linen
what material is the hoodie
what fabric is it
fabric?
material?
is it cotton
is there polyester in it
what percent cotton
is it wool
is it real leather
is it vegan leather
is it warm
is it thin
what gsm is the tee
is it soft
is it good for sensitive skin
does it wrinkle
is it waterproof
is it water resistant
where is it made
how do i wsh this
how to wahs it
washin instructions
can i was it in the machine
will it shirnk
wil it shrink
waht is it made of
🧺 how to wash?
will it shrink 😬
cotton? 🤔
hey, just got the heavyweight hoodie and love it, what's the best way to wash it so it doesn't shrink or fade?
is the crewneck 100% cotton? i'm allergic to some synthetics so i need to know what it's made of
como lo lavo
como se lava
instrucciones de lavado?
se puede lavar en lavadora
se encoge?
se encoge al lavar?
destiñe?
se puede planchar
de que material es
de que tela es
es de algodon?
es 100% algodon?
tiene poliester?
es de piel real?
la tela es gruesa?
es transparente?
como cuido la chamarra
hola, la sudadera se puede lavar con agua caliente?
se hace bolitas?
comment le laver
comment laver le pull
instructions de lavage ?
lavable en machine ?
ça rétrécit au lavage ?
est-ce que ça rétrécit
ça déteint ?
on peut le repasser ?
quelle est la composition
100 % coton ?
il y a du polyester ?
c'est du vrai cuir ?
le tissu est épais ?
bonjour, à quelle température laver le sweat ?
ça bouloche ?
c'est fabriqué où ?
entretien du produit ?
how do i clean it
how do you wash the joggers
best way to wash the hoodie
wash cold?
do i wash it cold
should i air dry it
can i hang dry it
line dry?
can it go in the dishwasher lol no i mean washer
is it ok to put in the dryer on low
will it lose its shape
will it stretch out
does the collar stretch out
how do i keep it soft
can i use fabric softener
how do i store the sweater
how do i fold it so it doesn't wrinkle
will the white get yellow
does the black fade
how do i get deodorant stains out
is it colorfast
is the print screen printed or vinyl
is it embroidered
how long will it last
is it durable
is the fabric stretchy
is it lightweight
what's the fabric weight
what's the lining made of
is it fleece lined
cotton or poly?
is the hoodie cotton or blend
what percent polyester
is the dye natural
se puede lavar a mano?
se plancha?
a que temperatura se lava
de que esta hecha la sudadera
ça se lave à la main ?
le sweat est en coton ?
`;
