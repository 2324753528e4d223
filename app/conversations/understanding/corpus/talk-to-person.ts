// Asks for a person: a human, an agent, a call back, or doubts it is talking to one.
import { phrasings } from "./phrasings";

export default phrasings`
can i talk to a person
i want to talk to a human
can i speak to someone
speak to a real person please
let me talk to a human
i need to speak with someone
can i speak with a manager
get me a manager
i want a supervisor
can i talk to customer service
is there a customer service number
what's your phone number
can someone call me
call me please
please have someone call me
can i get a call back
is this a bot
am i talking to a robot
are you a real person
is this automated
are you human
is anyone there
hello is anyone there
can a real person answer
i don't want a bot
stop sending me automated answers i want a person
agent
representative
human please
person please
real person
customer service
talk to someone
need a human
human pls 🙏
can someone text me back
can someone help me with my order personally
can i speak to the owner
i want to talk to whoever is in charge
connect me to support
put me through to support
transfer me to an agent
live chat?
i need real help
this isn't helping, can someone actually look at this
i need someone to look at my account
is there someone i can talk to
who can i talk to about my order
can a team member help me
i'd like to chat with an employee
can i get help from a person
talk to an agent pls
can i speak to sombody
human?
anyone?
quiero hablar con una persona
puedo hablar con alguien
hay algún humano
necesito hablar con un agente
me pueden llamar
eres un robot?
je veux parler à quelqu'un
puis-je parler à un conseiller
est-ce un robot ?
appelez-moi svp
un humain svp
i have a question only a person can answer
can i talk to someone about a special request
please get someone on the phone
can i talk to someone
i want to talk to a person
i need to talk to a real person
can i talk to a human
real person please
agent please
customer service please
i need customer service
can i speak to a manager
let me talk to your manager
supervisor please
hello? anyone?
is someone there
can someone help me
i need help from a person
stop the bot i want a person
no bot please
i dont want to talk to a bot
can i call you
can you call me
please call me
whats your phone number
is there a number i can call
i need a callback
call me at this number
can someone email me
what's your email
how do i contact you
how can i reach customer service
contact support
get me a human
human!!
HUMAN
talk to human
speak to person
talk 2 someone
tlak to a person
spek to someone
can i tak to a human
humn please
reel person pls
🙋 person please
need a human 🙏
🤖? i want a real person
hi, i have a complicated question about my order and i'd rather talk it through with someone, can a person reach out to me?
i've tried the automated answers and they don't help, i'd like to speak with someone on your team please
necesito hablar con un humano
llamenme por favor
hay alguien ahi?
quiero hablar con un agente
servicio al cliente por favor
quiero hablar con el gerente
es un robot?
necesito ayuda de una persona
atencion al cliente
je voudrais parler à une personne
vous pouvez m'appeler ?
il y a quelqu'un ?
service client svp
je veux parler au responsable
c'est un robot ?
passez-moi un conseiller
un conseiller svp
can a real person answer me
i want to speak with someone in charge
can i talk to the owner
let me speak to the owner
i need a rep
can i get a rep
live agent please
is there live support
chat with someone?
is there a phone line
do you have a customer service number
what number can i call you at
i'd like a phone call
can someone reach out to me
escalate this please
i need this escalated
can you pass me to someone
operator
talk to someone please
speak to a real person
a person please
not a bot
r u a bot
prefiero hablar con una persona
me pueden pasar con alguien
quiero una llamada
je préfère parler à un humain
quelqu'un peut m'appeler ?
`;
