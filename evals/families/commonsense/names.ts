/** First names for the story families, split by the pronouns the stories use. Short, common, and unambiguous. */
export const FEMALE_NAMES = [
  'Alice', 'Maria', 'Priya', 'Sofia', 'Hannah', 'Aisha', 'Mei', 'Olga', 'Grace', 'Lucia', 'Fatima', 'Nora', 'Emma',
  'Yuki', 'Amara', 'Ingrid', 'Rosa', 'Leila', 'Clara', 'Zoe',
] as const;

export const MALE_NAMES = [
  'Tom', 'David', 'Ravi', 'Lucas', 'Omar', 'Kenji', 'Pavel', 'Samuel', 'Diego', 'Ahmed', 'Felix', 'Noah', 'Ben',
  'Hiro', 'Kwame', 'Erik', 'Marco', 'Yusuf', 'Leo', 'Owen',
] as const;

export type Gender = 'female' | 'male';

export const pronoun = (gender: Gender) => (gender === 'female' ? 'she' : 'he');
export const possessive = (gender: Gender) => (gender === 'female' ? 'her' : 'his');
