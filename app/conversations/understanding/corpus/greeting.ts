// A greeting with nothing asked yet.
import { phrasings } from "./phrasings";

export default phrasings`
hi
hello
hey
hey there
hi there
hello!
hiii
heyy
heyyy
yo
good morning
good afternoon
good evening
morning!
hi 👋
👋
hello 😊
hey :)
hi, i have a question
hi i have a quick question
hello, quick question
hey, can i ask something
hi can you help me
hello can someone help
i have a question
question for you
got a minute?
are you there?
hi is this textback demo
hi is this the store
hello is this the shop
is this the right number for the store
hi! first time texting
hey hey
sup
howdy
greetings
hiya
hello hello
hi team
hi friends
hey guys
good day
hi, how are you
hello how are you today
hope you're well
hi, it's maya
hey it's jonah from the other day
hello, this is priya
hola
hola buenas
buenos días
buenas tardes
hola, tengo una pregunta
bonjour
bonsoir
salut
coucou
bonjour, j'ai une question
hello? 
hiiii 😊
heya
ello
hai
hi again
hey again
hello again, another question
morning, quick q
hii
helo
hellooo
hello there
gm
whats up
hey whats up
hello!!
hi 😊
👋🙂
hey 👋
hello? 👋
hi! quick question
hey i have a question
hello i have a question
hi can i ask something
can i ask you something
quick question
question
buenos dias
buenas noches
hola que tal
hola tengo una pregunta
saludos
bonjour j'ai une question
allo
hey good morning
good morning!
hi good afternoon
hi hope you're well
hello hope you're having a good day
hey how are you
hi how are you
how are you doing
hows it going
hey hows it going
hello anyone here
hi i need some help
hey can you help me
can you help me
i need help
help
help please
i have a few questions
hi, i have a quick question
hola me pueden ayudar
hola buenas tardes, una pregunta
necesito ayuda
bonjour vous pouvez m'aider ?
salut j'ai une question
`;
