// Everything else: texts that are not about the shop's usual questions, or not questions at all.
import { phrasings } from "./phrasings";

export default phrasings`
my cat walked across the keyboard
sorry wrong number
wrong number
who is this
who's this
what is this
how did you get my number
lol
haha
ok
k
yes
no
maybe
sure
idk
?
...
test
testing 123
asdfghjkl
what time is it
whats the weather like
did you see the game last night
are you open on sundays
what are your store hours
where is your store located
do you have a physical store
do you sell gift cards
can i buy a gift card
do you do wholesale
are you hiring
i'd like to apply for a job
can we collaborate, i'm an influencer
do you sponsor creators
i want to sell my products in your store
do you do custom orders
can you make a custom design
do you have an app
how do i create an account
i forgot my password
how do i log in
how do i delete my account
can you recommend a gift for my mom
what would go with black jeans
what's your most popular item
which hoodie is best for winter
do you have a catalog
are you on instagram
what's your website
do you have a newsletter
can i leave a review
where do i write a review
love your brand
my friend told me about you
just browsing
never mind
nvm
forget it
sorry, meant to text someone else
call you later
brb
i'll think about it
see you soon
happy holidays
merry christmas
happy new year
happy birthday to me lol
i'm outside
running late
what's up with the weather today
can you help me with my homework
what's 2+2
tell me a joke
who won the election
is your ceo on vacation
🤷
😂😂
🔥🔥🔥
👀
qué hora es
número equivocado
quién es
c'est qui ?
mauvais numéro
je cherche un cadeau pour ma soeur
do you have a store in chicago
are dogs allowed in your store
do you sell kids clothes
do you sell accessories
what is your company's mission
are you a black owned business
do you donate to charity
what's your return address for letters
can i visit the warehouse
how long have you been in business
stop
unsubscribe
start
yes please
no thanks
nope
yep
yeah
nah
okay
okk
cool
nice
great
awesome
lmao
😂
🔥🔥
❤️
😍
hmm
what
huh?
what do you mean
i don't understand
sorry?
one sec
hold on
i'll check later
let me think about it
maybe later
wrong person sorry
sorry that was meant for someone else
ignore that
oops
who is this?
who am i texting
what store is this
what company is this
how did you get this number
why am i getting these texts
did i sign up for this
i love my new hoodie
just got my order, love it
the jacket is amazing
my order came and it's perfect
your stuff is so cute
i got so many compliments on the dress
love the new collection
when are you opening a store in chicago
do you have a store in la
what time do you close
are you open today
are you open on christmas
what are your hours
where are you located
where are you based
where is your warehouse
who owns this company
is this a small business
are you black owned
are you a woman owned business
do you have a tiktok
whats your instagram
can i tag you on instagram
can i be an ambassador
do you have an affiliate program
i'm a photographer, can we work together
do you do collabs
i'd like to partner with you
can i sell your products
do you sell wholesale
can i buy in bulk for my team
can you make a custom shirt for my team
can you print my logo
do you make matching family outfits
how do gift cards work
do gift cards expire
can you gift wrap
do you offer gift wrapping
can i add a gift note
can i send it as a gift
can you recommend something for my boyfriend
what should i get my sister
what's new this week
what's your best seller
which color is most popular
does the black go with everything
is the hoodie good for running
can i wear it to the gym
what's the difference between the classic and the premium hoodie
do you have a mobile app
how do i make an account
i can't log in
reset my password
how do i change my password
how do i update my email
how do i unsubscribe from emails
stop sending me emails
i want to change my text preferences
text me less please
can i get texts in spanish
is this an automated message
what does this text mean
i got a text about an order i didnt place
what is this link
is this link safe
can you send me the link again
the website is down
your website isnt loading
the site is slow
the page won't load on my phone
i found a bug on your website
can i leave feedback
i have a suggestion for a new color
you should make pink hoodies
please make more plus size stuff
are your products ethically made
hola como estas
que venden
quien es
que tienda es esta
donde estan ubicados
tienen tienda fisica
a que hora abren
estoy bien gracias y tu
me encanta la sudadera
tienen tarjetas de regalo
no entiendo
qui est-ce
c'est quoi ce magasin
vous avez une boutique physique
vous êtes où
vous ouvrez à quelle heure
j'adore le sweat
vous avez des cartes cadeaux
je ne comprends pas
d'accord
oui
non
peut-être
my order came and it fits great
everything arrived, love it
the package came today, thank you so much it's beautiful
can i send you a photo of my outfit
here's a pic of me wearing it
do you have a lookbook
are you doing a giveaway
how do i enter the giveaway
did i win the giveaway
what's the theme of the next collection
is the owner around
can i pick up from your office
do you ship from california
what carrier do you use in general
do you have a blog
are you hiring for the holidays
do you have internships
can i send my resume
who designs your clothes
what font is on the hoodie
can you tell me about your brand
whats the story behind the brand
i'd like to advertise with you
can i write about you in my blog
i'm a journalist, can i interview the founder
can i use your photos
wrong chat
sorry wrong text
lol sorry
typo ignore
k thx bye
bye
see ya
good night
talk later
have a great day
you too
same to you
ok cool
alright
sounds good
perfect
got it
noted
will do
ok will check
let me ask my wife
maybe next time
not right now
no i'm good
i'm good thanks
all good
that's all
nothing else
no other questions
just wanted to say hi to the team
you guys rock
best hoodie ever
10/10
can you send me a pic of the back
is the photo accurate
do you have more pictures
do you have a video of it
what color is this exactly
is it more blue or green
what does the back look like
do you sell socks
do you sell hats
do you have kids clothes
do you sell bags
do you have a mens section
are you going to make pants
do you make dog clothes
what is your email address for partnerships
what's your tax id
can i get an invoice for my company
do you do corporate orders
que significa este mensaje
no gracias
ok perfecto
hasta luego
buen dia
quien diseña la ropa
d'accord merci je regarde
à plus
bonne journée
k cool
cool cool
word
bet
lol ok
ok!
okay!
yes!
no!
y
n
ya
yup
sure thing
thumbs up
👍🏽
👌
😅
💯
...?
??
!
hm
ok got it
noted thanks
alright then
later
nope all good
nah i'm good
ok bye
do you price match
will you price match
will you match a lower price
i found it cheaper on amazon, can you match it
do you match competitor prices
can you match the price from another store
price match?
do you do price matching
target has it for less, will you match
if i find it cheaper somewhere else will you match it
is there a price match guarantee
can you beat this price
i saw it for $10 less at nordstrom, can you match
do you honor other stores prices
hacen igualación de precios
lo vi más barato en otra tienda, pueden igualar el precio
igualan precios de la competencia
vous alignez-vous sur les prix des concurrents
je l'ai trouvé moins cher ailleurs, vous pouvez faire le même prix
vous faites l'alignement de prix
`;
