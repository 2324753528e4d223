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
`;
