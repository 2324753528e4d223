// Sizing and fit: true to size, which size to pick, measurements, size charts.
import { phrasings } from "./phrasings";

export default phrasings`
how does the sizing run
does it run true to size
is it true to size
are your sizes true to size
do your clothes run small
does this run big
do the jeans run small
which size should i get
what size should i order
should i size up or down
should i size up
i'm usually a medium what size should i get
im 5'6 and 140 lbs what size
i'm between sizes which should i choose
do you have a size chart
where is the size chart
where can i find measurements
what are the measurements for a medium
how long is the dress in a small
what is the inseam on the jeans
how wide is a large
is the hoodie oversized
is it an oversized fit
is this fitted or relaxed
how does the fit run
how do the pants fit
does it fit tight
are the sleeves long
will a small fit me
would a large be too big
what size is the model wearing
how tall is the model
do you have plus sizes
do you carry petite sizes
what sizes do you carry
do you have xxl
does it come in xs
what size am i
i wear a 10 in jeans what size here
i'm a 32 waist, which size
is a medium a 10 or 12
european sizes?
what's the size conversion for uk sizes
do the shoes run small
should i order a half size up in the boots
sizing help pls
sizng question
hows the sizng
does it run smal
is it tru to size
size?
fit?
size advice please
which size for me 🤔
will it shrink? i'm worried about the size
does it stretch
is the fabric stretchy enough to size down
the linen shirt fits how
is the linen shirt true to size
does the dress run big
which size is best for a loose fit
qué talla me recomiendan
la talla es normal o pequeña
que talla debo pedir
tienen guia de tallas
las tallas son grandes?
quelle taille dois-je prendre
ça taille grand ou petit ?
taille normale ?
vous avez un guide des tailles ?
je fais du 38 quelle taille choisir
what size fits a 36 chest
how much room is in a medium
is it cropped
how long is the shirt
what size should i get
which size should i buy
what size do you recommend
which size would fit me
i'm 5'6 and 140 lbs what size
im 6 foot 190 what size hoodie
i'm 5'2 120lbs, small or medium?
i usually wear a medium, what size here
i'm a size 8 in jeans what size should i get
i wear an l in nike, what about yours
small or medium?
s or m?
m or l
medium or large for a 38 chest
between sizes which should i pick
i'm between a small and medium, which one
should i size down
do i size up or down
do they run small
do they run big
do they run true to size
true to size?
tts?
does it run small
does this run large
are your sizes us or eu
are sizes unisex
is the hoodie unisex sizing
are these mens or womens sizes
size chart?
size guide?
where can i find the size guide
can you send me the size chart
measurements?
how long is the medium
how wide is the large
what's the chest measurement on the xl
whats the inseam on the 32
inseam length?
how long are the sleeves
sleeve length on the large?
how long is the dress
what's the length of the shirt in small
how is the fit
how does it fit
hows the fit on the joggers
is it oversized
is it slim fit or regular
is it a relaxed fit
is it stretchy
is there stretch in the jeans
will it shrink after washing, should i size up
model is wearing what size
what size would fit a 10 year old
do you have kids sizes
do you carry 3xl
do you have petite sizes
do you have tall sizes
whats the biggest size
smallest size you have?
what size shoes do you have
do your shoes run narrow
is it wide fit
what size for my boyfriend he's 5'10 170
buying for my mom, she's usually a 12, what size
what size for a 34 waist
sizing?
size help
wat size shud i get
what sise should i get
size chrt?
which size fitts me
do they run smal
does it fit tru to size
👕 what size for 5'8?
size?? 🤔
i'm in between 📏 small or med
ok so i'm about 5'7, kind of broad shoulders, normally a medium in most brands but sometimes large in tees, which would you go with for the heavyweight hoodie?
my daughter is 14 and wears a women's small usually, would your small fit her or should i get xs
que talla me queda
que talla pido
que talla me recomiendan
mido 1.70 y peso 65, que talla?
soy talla m normalmente, cual pido
tabla de tallas?
las tallas son grandes o chicas?
las tallas son normales?
vienen grandes?
vienen chicas?
me conviene pedir una talla mas?
cuanto mide la talla m
cual es el largo de la playera
tienen tallas grandes?
tienen talla xl?
hola, que talla me recomiendan para la sudadera si uso m?
chica o mediana?
la talla es americana o europea?
que talla usa la modelo
quelle taille choisir
quelle taille me conseillez-vous
je fais 1m75 et 70 kg, quelle taille
je porte du M normalement, je prends quoi
ça taille normalement ?
guide des tailles svp
tableau des tailles ?
faut-il prendre une taille au-dessus ?
quelles sont les mesures du M
quelle est la longueur du pull
vous avez des grandes tailles ?
vous avez du XL ?
S ou M ?
quelle taille porte le mannequin
les tailles sont américaines ou européennes ?
bonjour, entre le S et le M lequel me conseillez-vous ?
ça taille petit ?
taille unique ?
what size for a 32 inch waist
what size for 40 inch chest
what size is a 10 in your brand
i'm a 12 in dresses what size
what size would a 6 year old wear
do your sizes match nike
how do your sizes compare to zara
is your medium like a us medium
is a large like an xl in other brands
how much room is in the hoodie
is it roomy
is it tight
is it fitted
will it be baggy
is it long on the body
is it short
is it boxy
does it fit big
does it fit small
does the waist run small
does it fit wide feet
what's the rise on the jeans
high rise or mid rise?
what size is the hat
is the hat adjustable
one size fits all?
how big is the bag
what are the dimensions
sizing for tall guys?
what size if im 6'3
sz help
sizee?
which size shoud i order
what size do i get
wht size should i get
talla para 1.60?
qué talla es la m en centimetros
la talla s le queda a una niña de 12?
quelle taille pour 1m60
le M correspond à quelle taille européenne
`;
