export function Header({ title }: { title: string }) {
  console.log('rendering header');
  return <h1>{title}</h1>;
}
