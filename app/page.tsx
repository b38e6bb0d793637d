export default function Home() {
  return <main className="p-4 text-lg">Flowscope</main>;
}
