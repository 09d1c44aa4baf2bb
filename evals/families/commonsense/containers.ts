import { defineFamily, type Draft } from '../define-family';
import type { Rng } from '../random';
import { FEMALE_NAMES, MALE_NAMES, pronoun, type Gender } from './names';

const ROOMS = ['kitchen', 'study', 'garage', 'attic', 'bedroom', 'cellar', 'hallway', 'bathroom', 'living room', 'laundry room'];
const SMALL_THINGS = ['ring', 'coin', 'key', 'marble', 'button', 'stamp', 'battery', 'earring', 'pebble', 'thimble'];
const BOXES = ['box', 'tin', 'pouch', 'jar', 'cup'];
const BIG_CONTAINERS = ['suitcase', 'backpack', 'crate', 'basket', 'toolbox'];

/** One thing that happens in the story. Every event moves things only as a person carrying them would. */
export type ContainerEvent =
  | { kind: 'put-in'; item: string; container: string }
  | { kind: 'carry'; container: string; room: string }
  | { kind: 'take-out'; item: string; container: string }
  | { kind: 'walk'; room: string };

/** Where each thing is: in a room, or inside a container (which may itself be inside another). */
type Place = { room: string } | { inside: string };

export class ContainerWorld {
  private readonly places = new Map<string, Place>();
  private personRoom: string;

  constructor(startRoom: string, things: Record<string, string>) {
    this.personRoom = startRoom;
    for (const [thing, room] of Object.entries(things)) this.places.set(thing, { room });
  }

  /** The room a thing ends up in, following containers outward. */
  roomOf(thing: string): string {
    const place = this.places.get(thing);
    if (!place) throw new Error(`unknown thing "${thing}"`);
    return 'room' in place ? place.room : this.roomOf(place.inside);
  }

  /** Applies an event, refusing one a person could not do (e.g. carrying a box from another room). */
  apply(event: ContainerEvent): void {
    switch (event.kind) {
      case 'walk':
        this.personRoom = event.room;
        return;
      case 'put-in':
        this.mustBeHere(event.item);
        this.mustBeHere(event.container);
        this.places.set(event.item, { inside: event.container });
        return;
      case 'take-out': {
        const place = this.places.get(event.item);
        if (!place || !('inside' in place) || place.inside !== event.container)
          throw new Error(`the ${event.item} is not in the ${event.container}`);
        this.mustBeHere(event.container);
        this.places.set(event.item, { room: this.personRoom });
        return;
      }
      case 'carry': {
        this.mustBeHere(event.container);
        const place = this.places.get(event.container)!;
        if ('inside' in place) throw new Error(`the ${event.container} is inside the ${place.inside}`);
        this.places.set(event.container, { room: event.room });
        this.personRoom = event.room;
        return;
      }
    }
  }

  private mustBeHere(thing: string): void {
    if (this.roomOf(thing) !== this.personRoom) throw new Error(`the ${thing} is not in the ${this.personRoom}`);
  }
}

function sentence(event: ContainerEvent, subject: string): string {
  const Subject = subject[0]!.toUpperCase() + subject.slice(1);
  switch (event.kind) {
    case 'walk':
      return `${Subject} walks to the ${event.room}.`;
    case 'put-in':
      return `${Subject} puts the ${event.item} in the ${event.container}.`;
    case 'take-out':
      return `${Subject} takes the ${event.item} out of the ${event.container} and sets it down.`;
    case 'carry':
      return `${Subject} carries the ${event.container} to the ${event.room}.`;
  }
}

interface Story {
  name: string;
  gender: Gender;
  thing: string;
  box: string;
  big: string;
  rooms: string[];
}

const article = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function roomsNamed(text: string, rooms: readonly string[]): number {
  return Math.max(1, rooms.filter((room) => text.includes(`the ${room}`)).length);
}

function storyDraft(story: Story, events: readonly ContainerEvent[]): Draft {
  const [start, second] = story.rooms;
  const world = new ContainerWorld(start!, { [story.thing]: start!, [story.box]: start!, [story.big]: second! });
  for (const event of events) world.apply(event);
  const opening = `${story.name} is in the ${start} with ${article(story.thing)} and ${article(story.box)}. ${capitalized(article(story.big))} is in the ${second}.`;
  const body = events.map((event) => sentence(event, pronoun(story.gender))).join(' ');
  return {
    prompt: `${opening} ${body} Where is the ${story.thing} now? Answer with the name of the room.`,
    answer: world.roomOf(story.thing),
    grader: { kind: 'text' },
    // The answer is one of the rooms the story names: a guess among them passes one time in that many.
    chance: 1 / roomsNamed(`${opening} ${body}`, story.rooms),
  };
}

/**
 * Continuations of the easy story. Each hides one trap: a thing travelling inside a container inside another,
 * a thing left behind when its container moves on, or the person walking off without it.
 */
function continuation(rng: Rng, story: Story): ContainerEvent[] {
  const { thing, box, big } = story;
  const [, , third, fourth, fifth] = story.rooms as [string, string, string, string, string];
  const variants: ContainerEvent[][] = [
    [
      { kind: 'put-in', item: box, container: big },
      { kind: 'carry', container: big, room: third },
      { kind: 'walk', room: fourth },
    ],
    [
      { kind: 'take-out', item: thing, container: box },
      { kind: 'put-in', item: box, container: big },
      { kind: 'carry', container: big, room: third },
    ],
    [
      { kind: 'put-in', item: box, container: big },
      { kind: 'carry', container: big, room: third },
      { kind: 'take-out', item: thing, container: box },
      { kind: 'carry', container: big, room: fourth },
    ],
    [
      { kind: 'put-in', item: box, container: big },
      { kind: 'carry', container: big, room: third },
      { kind: 'take-out', item: box, container: big },
      { kind: 'carry', container: box, room: fourth },
      { kind: 'walk', room: fifth },
    ],
  ];
  return rng.pick(variants);
}

export const containers = defineFamily({
  id: 'commonsense.containers',
  domain: 'commonsense',
  title: 'Objects in moving containers',
  description:
    'Track where a small object is as it is put in a box and the box is carried around (easy, with a twin where it is taken out first), then nested, unpacked or left behind (hard).',
  reportedFailure: {
    source: 'Suzgun et al. 2022, "Challenging BIG-Bench Tasks and Whether Chain-of-Thought Can Solve Them" (arXiv:2210.09261), the tracking-shuffled-objects task',
    note: 'Following where objects are after a few moves is one of the tasks where large models answered near chance without step-by-step reasoning.',
  },
  pairRule:
    'The hard story begins with the whole easy story, so knowing where the object is after the easy part is the starting point for the rest.',
  generate(rng) {
    const gender: Gender = rng.chance(0.5) ? 'female' : 'male';
    const story: Story = {
      name: rng.pick(gender === 'female' ? FEMALE_NAMES : MALE_NAMES),
      gender,
      thing: rng.pick(SMALL_THINGS),
      box: rng.pick(BOXES),
      big: rng.pick(BIG_CONTAINERS),
      rooms: rng.sample(ROOMS, 5),
    };
    const easyEvents: ContainerEvent[] = [
      { kind: 'put-in', item: story.thing, container: story.box },
      { kind: 'carry', container: story.box, room: story.rooms[1]! },
    ];
    // The twin takes the object back out before the box leaves, so it stays in the first room: the other answer.
    const twinEvents: ContainerEvent[] = [
      easyEvents[0]!,
      { kind: 'take-out', item: story.thing, container: story.box },
      easyEvents[1]!,
    ];
    return {
      easy: storyDraft(story, easyEvents),
      easyTwin: storyDraft(story, twinEvents),
      hard: storyDraft(story, [...easyEvents, ...continuation(rng, story)]),
    };
  },
});
